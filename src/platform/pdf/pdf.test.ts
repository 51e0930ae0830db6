import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderPdf, type PdfDocumentSpec } from './index.ts';
import { inspectPdf } from './inspect.ts';
import { wrapText } from './wrap.ts';

const createdAt = new Date('2026-01-15T09:00:00Z');

function spec(overrides: Partial<PdfDocumentSpec> = {}): PdfDocumentSpec {
  return {
    title: 'Jaaragenda 2026 – Pact Ommen & <Dalfsen>',
    lang: 'nl',
    author: 'Agnieszka Wołoszyńska',
    subject: 'Activiteiten van het armoedepact',
    header: 'Pact Ommen · Jaaragenda',
    footer: 'Schakelpunt',
    createdAt,
    blocks: [
      { kind: 'heading', level: 1, text: 'Jaaragenda 2026' },
      { kind: 'paragraph', text: 'Spreekuur in Şişli en Łódź (Małgorzata), met Zoë, café Müller en España. Kosten € 12,50.' },
      { kind: 'list', items: ['Inloop', 'Doorverwijzing'] },
      { kind: 'keyValue', pairs: [['Coördinator', 'Ayşe Yılmaz']] },
    ],
    ...overrides,
  };
}

const tableRows = (count: number): string[][] =>
  Array.from({ length: count }, (_, i) => [`rij ${i + 1}`, `Activiteit ${i + 1} bij café Müller`, `€ ${i},00`]);

const columns = [{ header: 'Nummer' }, { header: 'Activiteit', width: 3 }, { header: 'Bedrag', align: 'right' as const }];

test('a rendered document is a PDF 1.7 file', async () => {
  const pdf = await renderPdf(spec());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.equal(pdf.subarray(0, 8).toString('latin1'), '%PDF-1.7');
  assert.match(pdf.subarray(-6).toString('latin1'), /%%EOF\s*$/);
});

test('the metadata carries title, author, subject, language and shows the title in the viewer', async () => {
  const inspection = inspectPdf(await renderPdf(spec()));
  assert.equal(inspection.info.Title, 'Jaaragenda 2026 – Pact Ommen & <Dalfsen>');
  assert.equal(inspection.info.Author, 'Agnieszka Wołoszyńska');
  assert.equal(inspection.info.Subject, 'Activiteiten van het armoedepact');
  assert.match(inspection.catalog, /\/Lang \(nl\)/);
  const viewerPreferences = inspection.objects.get(Number(/\/ViewerPreferences (\d+) 0 R/.exec(inspection.catalog)?.[1]));
  assert.match(viewerPreferences?.source ?? '', /\/DisplayDocTitle true/);
});

test('the XMP metadata stays well-formed when the title contains & and <', async () => {
  const { xmp } = inspectPdf(await renderPdf(spec()));
  assert.ok(xmp);
  assert.ok(xmp.includes('Jaaragenda 2026 – Pact Ommen &#38; &#60;Dalfsen&#62;'));
  assert.ok(!xmp.includes('& <'));
});

test('the creation and modification dates are the given createdAt', async () => {
  const { info, xmp } = inspectPdf(await renderPdf(spec()));
  assert.equal(info.CreationDate, 'D:20260115090000Z');
  assert.equal(info.ModDate, 'D:20260115090000Z');
  assert.ok(xmp?.includes('<xmp:CreateDate>2026-01-15T09:00:00Z</xmp:CreateDate>'));
});

test('the same spec with a fixed createdAt renders to identical bytes', async () => {
  const [first, second] = await Promise.all([renderPdf(spec()), renderPdf(spec())]);
  assert.ok(first.equals(second));
});

test('the only fonts are embedded DejaVu Sans subsets whose ToUnicode maps cover ş, ł, ë and €', async () => {
  const pdf = await renderPdf(spec());
  const { fonts, objects } = inspectPdf(pdf);
  assert.ok(fonts.length >= 1);
  for (const font of fonts) assert.match(font.baseFont, /^[A-Z]{6}\+DejaVuSans(-Bold)?$/);
  const unicode = new Set(fonts.flatMap((font) => [...font.unicode]));
  for (const char of ['\u015F', '\u0142', '\u00EB', '\u20AC', '\u00E9', '\u00FC', '\u00F1', '\u015E', '\u0141']) {
    assert.ok(unicode.has(char), `ToUnicode lacks U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  for (const object of objects.values()) {
    assert.doesNotMatch(object.source, /Helvetica|\/Type1\b|WinAnsiEncoding/);
    if (/\/Type \/FontDescriptor/.test(object.source)) assert.match(object.source, /\/FontFile2 \d+ 0 R/);
  }
});

test('the text read back from the page keeps every accented letter', async () => {
  const { pages } = inspectPdf(await renderPdf(spec()));
  const text = (pages[0] ?? []).join('\n');
  for (const word of ['Jaaragenda 2026', 'Şişli', 'Łódź', 'Zoë', 'café', 'Müller', 'España', '€\u00A012,50', 'Ayşe Yılmaz', 'Coördinator']) {
    assert.ok(text.includes(word), `missing ${word} in:\n${text}`);
  }
});

test('every page gets a running header and an "n / total" page number', async () => {
  const { pages, pageCount } = inspectPdf(
    await renderPdf(spec({ blocks: [{ kind: 'paragraph', text: 'een' }, { kind: 'pageBreak' }, { kind: 'paragraph', text: 'twee' }] })),
  );
  assert.equal(pageCount, 2);
  pages.forEach((lines, index) => {
    assert.ok(lines.includes('Pact Ommen · Jaaragenda'));
    assert.ok(lines.includes('Schakelpunt'));
    assert.ok(lines.includes(`${index + 1} / 2`));
  });
});

test('a long table runs over three pages and repeats its header row on each', async () => {
  const rows = tableRows(90);
  const { pages, pageCount } = inspectPdf(await renderPdf(spec({ blocks: [{ kind: 'table', columns, rows }] })));
  // Single-line rows of 9.5 pt text are about 20 pt high; the 698 pt between the margins hold
  // the header row and 33 rows, so 90 rows take 33 + 33 + 24.
  assert.equal(pageCount, 3);
  assert.equal(pages.length, 3);
  const seen: string[] = [];
  const perPage: number[] = [];
  for (const lines of pages) {
    assert.deepEqual(lines.slice(0, 3), ['Nummer', 'Activiteit', 'Bedrag'], 'header row first on every page');
    const onPage = lines.filter((line) => /^rij \d+$/.test(line));
    perPage.push(onPage.length);
    seen.push(...onPage);
  }
  assert.deepEqual(perPage, [33, 33, 24]);
  assert.deepEqual(seen, rows.map((row) => row[0]), 'every row exactly once, in order');
});

test('a table row taller than a page is split across pages without losing words', async () => {
  const words = Array.from({ length: 700 }, (_, i) => `woord${i}`);
  const blocks: PdfDocumentSpec['blocks'] = [{ kind: 'table', columns, rows: [['1', words.join(' '), '€ 1,00'], ['2', 'kort', '€ 2,00']] }];
  const { pages } = inspectPdf(await renderPdf(spec({ blocks })));
  assert.ok(pages.length >= 2);
  const drawn = pages.flat().join(' ').split(/\s+/).filter((word) => word.startsWith('woord'));
  assert.deepEqual(drawn, words);
  assert.ok(pages.at(-1)?.includes('kort'));
});

test('a page break at the top of a page does not leave a blank page', async () => {
  const blocks: PdfDocumentSpec['blocks'] = [
    { kind: 'pageBreak' },
    { kind: 'paragraph', text: 'een' },
    { kind: 'pageBreak' },
    { kind: 'pageBreak' },
    { kind: 'paragraph', text: 'twee' },
  ];
  const { pageCount } = inspectPdf(await renderPdf(spec({ blocks })));
  assert.equal(pageCount, 2);
});

test('the document is tagged: headings, paragraphs, lists and tables are in the structure tree', async () => {
  const inspection = inspectPdf(await renderPdf(spec({ blocks: [...spec().blocks, { kind: 'table', columns, rows: tableRows(2) }] })));
  assert.match(inspection.catalog, /\/StructTreeRoot \d+ 0 R/);
  const markInfo = inspection.objects.get(Number(/\/MarkInfo (\d+) 0 R/.exec(inspection.catalog)?.[1]));
  assert.match(markInfo?.source ?? '', /\/Marked true/);
  const types = new Set([...inspection.objects.values()].map((object) => /\/S \/(\w+)/.exec(object.source)?.[1]));
  for (const type of ['Document', 'H1', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD']) assert.ok(types.has(type), type);
  const scopes = [...inspection.objects.values()].map((object) => /\/Scope \/(\w+)/.exec(object.source)?.[1]);
  assert.ok(scopes.includes('Column') && scopes.includes('Row'));
});

test('everything drawn is either tagged content or a marked artifact', async () => {
  const blocks: PdfDocumentSpec['blocks'] = [...spec().blocks, { kind: 'table', columns, rows: tableRows(60) }];
  const { contentStreams } = inspectPdf(await renderPdf(spec({ blocks })));
  assert.ok(contentStreams.length >= 2);
  for (const content of contentStreams) {
    let depth = 0;
    for (const line of content.split('\n')) {
      if (/\b(BDC|BMC)$/.test(line)) depth++;
      else if (line === 'EMC') depth--;
      // Text objects and painted paths are what a reader could perceive.
      else if (/^BT$|(^| )(S|s|f|F|f\*|B|b|re)$/.test(line)) assert.ok(depth > 0, `unmarked content: ${line}`);
    }
    assert.equal(depth, 0, 'marked-content sequences are balanced');
  }
});

test('a typical one-page letter stays small because the fonts are subset', async () => {
  const pdf = await renderPdf(spec());
  assert.ok(pdf.length < 60_000, `${pdf.length} bytes`);
});

test('an invalid document is rejected before anything is drawn', async () => {
  await assert.rejects(renderPdf(spec({ title: '  ' })), RangeError);
  await assert.rejects(renderPdf(spec({ lang: 'Nederlands' })), RangeError);
  await assert.rejects(renderPdf(spec({ blocks: [{ kind: 'table', columns, rows: [['only one cell']] }] })), RangeError);
  await assert.rejects(renderPdf(spec({ blocks: [{ kind: 'table', columns: [{ header: 'a', width: 0 }], rows: [] }] })), RangeError);
});

// One unit of width per character makes the expected lines easy to read.
const byLength = (text: string): number => [...text].length;

test('wrapping keeps words whole, collapses spaces and keeps the space where a line broke', () => {
  assert.deepEqual(wrapText('de  voedselbank   in Ommen', 12, byLength), ['de ', 'voedselbank ', 'in Ommen']);
  assert.deepEqual(wrapText('', 10, byLength), ['']);
  assert.deepEqual(wrapText('een\ntwee', 10, byLength), ['een ', 'twee']);
});

test('wrapping breaks a word longer than the line so it never runs past the margin', () => {
  assert.deepEqual(wrapText('Schuldhulpverlening', 8, byLength), ['Schuldhu', 'lpverlen', 'ing']);
  for (const line of wrapText('a Arbeidsongeschiktheidsverzekering b', 10, byLength)) assert.ok(byLength(line.trimEnd()) <= 10);
});

test('wrapping may break after a hyphen but never between a currency sign and its amount', () => {
  assert.deepEqual(wrapText('Noord-Brabant', 8, byLength), ['Noord-', 'Brabant']);
  assert.deepEqual(wrapText('kosten € 12,50', 9, byLength), ['kosten ', '€\u00A012,50']);
});

test('decomposed accents are composed so they print as one glyph', () => {
  assert.deepEqual(wrapText('Zoe\u0308', 10, byLength), ['Zo\u00EB']);
});
