// Reads back what renderPdf wrote, so tests (here and in the modules that print documents) can
// assert on the text of each page without a PDF library or poppler installed. This is not a
// general PDF parser: it understands the plain layout pdfkit writes (a classic xref table, no
// object streams, Flate-compressed streams, Type0 fonts with a ToUnicode CMap of bfranges).
import { inflateSync } from 'node:zlib';

export interface PdfObject {
  id: number;
  /** The object's dictionary (or other value) as PDF source text. */
  source: string;
  /** Stream bytes, already inflated when the stream was Flate-compressed. */
  stream?: Buffer;
}

export interface PdfFontInfo {
  /** Resource name used in content streams, e.g. 'F1'. */
  resourceName: string;
  /** Subset-tagged PostScript name, e.g. 'BZZZZZ+DejaVuSans'. */
  baseFont: string;
  /** Every Unicode string the ToUnicode CMap maps a glyph to. */
  unicode: Set<string>;
}

export interface PdfInspection {
  objects: Map<number, PdfObject>;
  /** The catalog (document root) dictionary source. */
  catalog: string;
  /** The Info dictionary with its strings decoded. */
  info: Record<string, string>;
  /** The XMP metadata packet, if any. */
  xmp: string | undefined;
  pageCount: number;
  /** Text of each page: one entry per drawn line (one BT…ET block in pdfkit's output). */
  pages: string[][];
  /** The decompressed content stream of each page, for checks on marked content. */
  contentStreams: string[];
  fonts: PdfFontInfo[];
}

function refId(source: string, key: string): number | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(source);
  return match ? Number(match[1]) : undefined;
}

function parseObjects(pdf: Buffer): { objects: Map<number, PdfObject>; trailer: string } {
  const text = pdf.toString('latin1');
  const startXref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startXref) throw new Error('No startxref: not a complete PDF.');
  const xrefAt = Number(startXref[1]);
  const trailerAt = text.indexOf('trailer', xrefAt);
  const xrefLines = text.slice(xrefAt, trailerAt).trim().split(/\r?\n/);
  const [firstId = 0] = (xrefLines[1] ?? '').split(' ').map(Number);
  const objects = new Map<number, PdfObject>();
  xrefLines.slice(2).forEach((line, index) => {
    const [offset, , kind] = line.trim().split(/\s+/);
    if (kind !== 'n') return;
    const start = Number(offset);
    const header = /^(\d+) 0 obj\s*/.exec(text.slice(start, start + 40));
    if (!header) throw new Error(`No object at offset ${start}.`);
    const bodyAt = start + header[0].length;
    const endObj = text.indexOf('\nendobj', bodyAt);
    const streamAt = text.indexOf('\nstream\n', bodyAt);
    // A dictionary cannot contain "\nendobj" (strings escape newlines), so a "stream" keyword
    // before the first one belongs to this object.
    const hasStream = streamAt !== -1 && streamAt < endObj;
    const source = text.slice(bodyAt, hasStream ? streamAt : endObj).trim();
    const object: PdfObject = { id: firstId + index, source };
    if (hasStream) {
      const length = Number(/\/Length\s+(\d+)/.exec(source)?.[1]);
      const raw = pdf.subarray(streamAt + 8, streamAt + 8 + length);
      object.stream = /\/Filter\s*\/FlateDecode/.test(source) ? inflateSync(raw) : Buffer.from(raw);
    }
    objects.set(object.id, object);
  });
  return { objects, trailer: text.slice(trailerAt) };
}

/** Decodes a PDF literal string body (without the parentheses), including UTF-16BE with a BOM. */
export function decodePdfString(literal: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i] ?? '';
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0));
      continue;
    }
    const next = literal[++i] ?? '';
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (next in escapes) bytes.push(escapes[next] ?? 0);
    else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(literal.slice(i))?.[0] ?? next;
      bytes.push(parseInt(octal, 8));
      i += octal.length - 1;
    }
  }
  const buffer = Buffer.from(bytes);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return buffer.subarray(2).swap16().toString('utf16le');
  return buffer.toString('latin1');
}

/** Reads a literal string object "(...)" with balanced, possibly escaped, parentheses. */
function literalAt(source: string): string | undefined {
  const start = source.indexOf('(');
  if (start === -1) return undefined;
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return source.slice(start + 1, i);
  }
  return undefined;
}

function hexToString(hex: string): string {
  const units = (hex.match(/[0-9a-fA-F]{4}/g) ?? []).map((unit) => parseInt(unit, 16));
  return String.fromCharCode(...units);
}

/** Parses a ToUnicode CMap into glyph id → text (bfrange with arrays or offsets, and bfchar). */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F ]+>)/g)) {
      const from = parseInt(range[1] ?? '0', 16);
      const to = parseInt(range[2] ?? '0', 16);
      const target = range[3] ?? '';
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((entry, offset) => map.set(from + offset, hexToString(entry[1] ?? '')));
      } else {
        const base = hexToString(target.slice(1, -1));
        for (let glyph = from; glyph <= to; glyph++) {
          map.set(glyph, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + glyph - from));
        }
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F ]+)>/g)) {
      map.set(parseInt(entry[1] ?? '0', 16), hexToString(entry[2] ?? ''));
    }
  }
  return map;
}

function pageText(content: string, glyphMaps: Map<string, Map<number, string>>): string[] {
  const lines: string[] = [];
  for (const block of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
    let font: Map<number, string> | undefined;
    let line = '';
    for (const op of (block[1] ?? '').matchAll(/\/([A-Za-z0-9]+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (op[1] !== undefined) {
        font = glyphMaps.get(op[1]);
        continue;
      }
      const hexRuns = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? '') : [op[3] ?? ''];
      for (const run of hexRuns) {
        for (const glyph of run.match(/[0-9a-fA-F]{4}/g) ?? []) line += font?.get(parseInt(glyph, 16)) ?? '\uFFFD';
      }
    }
    lines.push(line);
  }
  return lines;
}

export function inspectPdf(pdf: Buffer): PdfInspection {
  const { objects, trailer } = parseObjects(pdf);
  const source = (id: number | undefined): string => (id === undefined ? '' : (objects.get(id)?.source ?? ''));

  const catalog = source(refId(trailer, 'Root'));
  const info: Record<string, string> = {};
  const infoSource = source(refId(trailer, 'Info'));
  // pdfkit stores each Info value as its own indirect object.
  for (const entry of infoSource.matchAll(/\/(\w+)\s+(\d+)\s+0\s+R/g)) {
    const literal = literalAt(source(Number(entry[2])));
    if (entry[1] && literal !== undefined) info[entry[1]] = decodePdfString(literal);
  }
  const xmp = objects.get(refId(catalog, 'Metadata') ?? -1)?.stream?.toString('utf8');

  const pagesSource = source(refId(catalog, 'Pages'));
  const kids = [...(/\/Kids\s*\[([^\]]*)\]/.exec(pagesSource)?.[1] ?? '').matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
  const pageCount = Number(/\/Count\s+(\d+)/.exec(pagesSource)?.[1] ?? NaN);

  const fonts = new Map<string, PdfFontInfo & { glyphs: Map<number, string> }>();
  const contentStreams: string[] = [];
  const pages = kids.map((pageId) => {
    const page = source(pageId);
    const resourcesId = refId(page, 'Resources');
    const resources = resourcesId === undefined ? page : source(resourcesId);
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const glyphMaps = new Map<string, Map<number, string>>();
    for (const entry of fontDict.matchAll(/\/(\w+)\s+(\d+)\s+0\s+R/g)) {
      const name = entry[1] ?? '';
      const fontSource = source(Number(entry[2]));
      const cmap = objects.get(refId(fontSource, 'ToUnicode') ?? -1)?.stream?.toString('latin1') ?? '';
      const glyphs = parseToUnicode(cmap);
      glyphMaps.set(name, glyphs);
      if (!fonts.has(name)) {
        fonts.set(name, {
          resourceName: name,
          baseFont: /\/BaseFont\s*\/([^\s/<>[\]]+)/.exec(fontSource)?.[1] ?? '',
          unicode: new Set(glyphs.values()),
          glyphs,
        });
      }
    }
    const content = objects.get(refId(page, 'Contents') ?? -1)?.stream?.toString('latin1') ?? '';
    contentStreams.push(content);
    return pageText(content, glyphMaps);
  });

  return {
    objects,
    catalog,
    info,
    xmp,
    pageCount,
    pages,
    contentStreams,
    fonts: [...fonts.values()].map(({ resourceName, baseFont, unicode }) => ({ resourceName, baseFont, unicode })),
  };
}
