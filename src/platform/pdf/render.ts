// Declarative PDF documents on top of pdfkit. Callers describe blocks (headings, paragraphs, lists,
// tables, key/value pairs); this module does the page layout, so every printable document of the
// product (agendas, referral cards, letters) shares one look, one Unicode font and one
// accessibility story.
//
// Layout is done here line by line (see wrap.ts) instead of with pdfkit's flowing text, because
// we need to know where pages break: table rows repeat their header row on a new page, headings are
// not left alone at the bottom of a page, and every piece of text is wrapped in exactly one
// structure element of the tag tree even when it continues on the next page.
import PDFDocument from 'pdfkit';
import { dejaVuSansFiles, type FontFiles } from './fonts.ts';
import { fitOnOneLine, wrapText, type MeasureText } from './wrap.ts';

export type PdfBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | {
      kind: 'table';
      /** `width` is a relative weight (default 1): widths 2, 1, 1 give half, a quarter and a quarter. */
      columns: Array<{ header: string; width?: number; align?: 'left' | 'right' }>;
      rows: string[][];
    }
  | { kind: 'keyValue'; pairs: Array<[string, string]> }
  | { kind: 'pageBreak' };

export interface PdfDocumentSpec {
  /** Document title: shown by PDF viewers in the title bar (not printed on the page). */
  title: string;
  /** BCP 47 language tag of the content, e.g. 'nl', 'en', 'nl-BE'. Screen readers use it. */
  lang: string;
  author?: string;
  subject?: string;
  /** Running header, printed at the top of every page. */
  header?: string;
  /** Running footer, printed at the bottom left of every page; the page number goes right. */
  footer?: string;
  blocks: PdfBlock[];
  /** Creation and modification date. Pass it (e.g. from a Clock) for reproducible output. */
  createdAt?: Date;
}

type FontName = 'regular' | 'bold';
type Align = 'left' | 'right';

interface TextStyle {
  font: FontName;
  size: number;
  color: string;
}

// A4 in points with 2 cm side margins; top and bottom leave room for the running header/footer.
const MARGINS = { top: 72, bottom: 72, left: 57, right: 57 };
const HEADER_BASELINE_TOP = 34;
const FOOTER_TOP_FROM_BOTTOM = 46;

const TEXT_COLOR = '#1a1a1a';
// #595959 on white is 7:1, so even the small running header/footer meets WCAG AA contrast.
const MUTED_COLOR = '#595959';
const RULE_COLOR = '#8c8c8c';
const HEADER_FILL = '#e8e8e8';

const STYLES = {
  body: { font: 'regular', size: 10.5, color: TEXT_COLOR },
  h1: { font: 'bold', size: 18, color: TEXT_COLOR },
  h2: { font: 'bold', size: 14, color: TEXT_COLOR },
  h3: { font: 'bold', size: 12, color: TEXT_COLOR },
  tableHead: { font: 'bold', size: 9.5, color: TEXT_COLOR },
  tableBody: { font: 'regular', size: 9.5, color: TEXT_COLOR },
  key: { font: 'bold', size: 10.5, color: TEXT_COLOR },
  running: { font: 'regular', size: 8.5, color: MUTED_COLOR },
} as const satisfies Record<string, TextStyle>;

const HEADING = {
  1: { style: STYLES.h1, before: 16, after: 8 },
  2: { style: STYLES.h2, before: 14, after: 6 },
  3: { style: STYLES.h3, before: 10, after: 4 },
} as const;

const BLOCK_GAP = 8;
const LIST_ITEM_GAP = 3;
const LIST_INDENT = 16;
const CELL_PAD_X = 5;
const CELL_PAD_Y = 3.5;
const MAX_KEY_COLUMN_SHARE = 0.4;

const LANG_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

interface GridCell {
  text: string;
  style: TextStyle;
  align: Align;
}

interface GridSpec {
  widths: number[];
  /** Column header row, repeated (as a pagination artifact) on every page the grid continues on. */
  header?: GridCell[];
  rows: GridCell[][];
  /** The first cell of each row labels that row (key/value lists) and is tagged as a row header. */
  firstColumnIsRowHeader: boolean;
  rules: boolean;
}

// pdfkit 0.20 supports `scope` on structure elements (it writes the /Table attribute that ties a
// TH to its row or column); @types/pdfkit does not list it yet.
type StructOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' };

function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function validate(spec: PdfDocumentSpec): void {
  if (spec.title.trim() === '') throw new RangeError('A PDF needs a title (viewers and screen readers show it).');
  if (!LANG_TAG.test(spec.lang)) throw new RangeError(`Not a language tag: ${JSON.stringify(spec.lang)}`);
  if (spec.createdAt && Number.isNaN(spec.createdAt.getTime())) throw new RangeError('createdAt is an invalid Date.');
  for (const block of spec.blocks) {
    if (block.kind === 'heading' && ![1, 2, 3].includes(block.level)) {
      throw new RangeError(`Heading level must be 1, 2 or 3, got ${String(block.level)}.`);
    }
    if (block.kind !== 'table') continue;
    if (block.columns.length === 0) throw new RangeError('A table needs at least one column.');
    for (const column of block.columns) {
      if (column.width !== undefined && !(Number.isFinite(column.width) && column.width > 0)) {
        throw new RangeError(`Column width must be a positive number, got ${column.width}.`);
      }
    }
    block.rows.forEach((row, index) => {
      if (row.length !== block.columns.length) {
        throw new RangeError(`Table row ${index} has ${row.length} cells, expected ${block.columns.length}.`);
      }
    });
  }
}

class PageWriter {
  private y: number;
  private pageIsEmpty = true;
  private readonly root: PDFKit.PDFStructureElement;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: FontFiles,
  ) {
    this.y = MARGINS.top;
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  private get pageWidth(): number {
    return this.doc.page.width;
  }

  private get contentWidth(): number {
    return this.pageWidth - MARGINS.left - MARGINS.right;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGINS.bottom;
  }

  private get spaceLeft(): number {
    return this.bottom - this.y;
  }

  private use(style: TextStyle): void {
    // Fonts are selected by file path, the key under which pdfkit caches the opened font. (A name
    // from registerFont() is not cached when it resolves to an already-loaded font, so every
    // switch would parse the 750 kB TTF again: a 100-row table took seconds.)
    this.doc.font(style.font === 'bold' ? this.fonts.bold : this.fonts.regular).fontSize(style.size);
  }

  private measure(style: TextStyle): MeasureText {
    return (text) => {
      this.use(style);
      return this.doc.widthOfString(text);
    };
  }

  /** Baseline-to-baseline distance: the font's own line height plus 20 % leading for legibility. */
  private lineHeight(style: TextStyle): number {
    this.use(style);
    return this.doc.currentLineHeight(true) + style.size * 0.2;
  }

  private wrap(text: string, style: TextStyle, width: number): string[] {
    return wrapText(text, width, this.measure(style));
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = MARGINS.top;
    this.pageIsEmpty = true;
  }

  /** Decoration (rules, fills) is an artifact: assistive technology must not read it as content. */
  private artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  /** Draws lines at a fixed position; callers wrap this in a structure element or an artifact. */
  private drawLines(lines: string[], style: TextStyle, x: number, y: number, width: number, align: Align): void {
    const lineHeight = this.lineHeight(style);
    const measure = this.measure(style);
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const dx = align === 'right' ? Math.max(0, width - measure(line.trimEnd())) : 0;
      this.use(style);
      this.doc.fillColor(style.color).text(line, x + dx, y + index * lineHeight, { lineBreak: false });
    });
  }

  /**
   * Lays out the lines of one structure element from the current position, continuing on new
   * pages as needed. `keepTogether` lines must fit on a page before any are drawn (no orphans).
   */
  private flow(element: PDFKit.PDFStructureElement, lines: string[], style: TextStyle, x: number, width: number, keepTogether = 1): void {
    const lineHeight = this.lineHeight(style);
    let next = 0;
    while (next < lines.length) {
      const fits = Math.floor((this.spaceLeft + 0.001) / lineHeight);
      const needed = Math.min(keepTogether, lines.length - next);
      if (fits < needed && !this.pageIsEmpty) {
        this.newPage();
        continue;
      }
      const chunk = lines.slice(next, next + Math.max(1, fits));
      const top = this.y;
      element.add(() => this.drawLines(chunk, style, x, top, width, 'left'));
      this.y += chunk.length * lineHeight;
      this.pageIsEmpty = false;
      next += chunk.length;
      if (next < lines.length) this.newPage();
    }
  }

  private gap(points: number): void {
    if (!this.pageIsEmpty) this.y += points;
  }

  heading(level: 1 | 2 | 3, text: string): void {
    const { style, before, after } = HEADING[level];
    const lines = this.wrap(text, style, this.contentWidth);
    this.gap(before);
    // Keep a heading with at least two lines of what follows it.
    const needed = lines.length * this.lineHeight(style) + after + 2 * this.lineHeight(STYLES.body);
    if (needed > this.spaceLeft && !this.pageIsEmpty) this.newPage();
    const element = this.doc.struct(`H${level}`);
    this.root.add(element);
    this.flow(element, lines, style, MARGINS.left, this.contentWidth, lines.length);
    element.end();
    this.y += after;
  }

  paragraph(text: string): void {
    const element = this.doc.struct('P');
    this.root.add(element);
    this.flow(element, this.wrap(text, STYLES.body, this.contentWidth), STYLES.body, MARGINS.left, this.contentWidth, 2);
    element.end();
    this.y += BLOCK_GAP;
  }

  list(items: string[]): void {
    if (items.length === 0) return;
    const style = STYLES.body;
    const list = this.doc.struct('L');
    this.root.add(list);
    const bodyX = MARGINS.left + LIST_INDENT;
    const bodyWidth = this.contentWidth - LIST_INDENT;
    items.forEach((text, index) => {
      if (index > 0) this.y += LIST_ITEM_GAP;
      const lines = this.wrap(text, style, bodyWidth);
      if (Math.min(2, lines.length) * this.lineHeight(style) > this.spaceLeft && !this.pageIsEmpty) this.newPage();
      const item = this.doc.struct('LI');
      list.add(item);
      const label = this.doc.struct('Lbl');
      item.add(label);
      const top = this.y;
      label.add(() => this.drawLines(['•'], style, MARGINS.left + 4, top, LIST_INDENT, 'left'));
      label.end();
      const body = this.doc.struct('LBody');
      item.add(body);
      this.flow(body, lines, style, bodyX, bodyWidth, 2);
      body.end();
      item.end();
    });
    list.end();
    this.y += BLOCK_GAP;
  }

  table(columns: Extract<PdfBlock, { kind: 'table' }>['columns'], rows: string[][]): void {
    const weights = columns.map((column) => column.width ?? 1);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const widths = weights.map((weight) => (this.contentWidth * weight) / total);
    const align = (index: number): Align => columns[index]?.align ?? 'left';
    this.grid({
      widths,
      header: columns.map((column, index) => ({ text: column.header, style: STYLES.tableHead, align: align(index) })),
      rows: rows.map((row) => row.map((text, index) => ({ text, style: STYLES.tableBody, align: align(index) }))),
      firstColumnIsRowHeader: false,
      rules: true,
    });
  }

  keyValue(pairs: Array<[string, string]>): void {
    if (pairs.length === 0) return;
    // The key column is as wide as the widest key, but never crowds out the values.
    const measureKey = this.measure(STYLES.key);
    const widest = Math.max(...pairs.map(([key]) => measureKey(key))) + 2 * CELL_PAD_X + 8;
    const keyWidth = Math.min(widest, this.contentWidth * MAX_KEY_COLUMN_SHARE);
    this.grid({
      widths: [keyWidth, this.contentWidth - keyWidth],
      rows: pairs.map(([key, value]) => [
        { text: key, style: STYLES.key, align: 'left' },
        { text: value, style: STYLES.body, align: 'left' },
      ]),
      firstColumnIsRowHeader: true,
      rules: false,
    });
  }

  private grid(spec: GridSpec): void {
    const table = this.doc.struct('Table');
    this.root.add(table);
    const xs = spec.widths.map((_, index) => MARGINS.left + spec.widths.slice(0, index).reduce((a, b) => a + b, 0));
    const wrapCell = (cell: GridCell, index: number): string[] =>
      this.wrap(cell.text, cell.style, (spec.widths[index] ?? 0) - 2 * CELL_PAD_X);
    const heightOf = (cells: GridCell[], lines: string[][]): number =>
      Math.max(...cells.map((cell, index) => (lines[index]?.length ?? 1) * this.lineHeight(cell.style))) + 2 * CELL_PAD_Y;

    const headerLines = spec.header?.map(wrapCell);
    const headerHeight = spec.header && headerLines ? heightOf(spec.header, headerLines) : 0;

    const drawRowDecoration = (top: number, height: number, isHeader: boolean): void => {
      this.artifact(() => {
        const left = MARGINS.left;
        const right = MARGINS.left + this.contentWidth;
        if (isHeader) this.doc.rect(left, top, right - left, height).fill(HEADER_FILL);
        if (spec.rules) {
          this.doc
            .moveTo(left, top + height)
            .lineTo(right, top + height)
            .lineWidth(isHeader ? 0.9 : 0.4)
            .stroke(RULE_COLOR);
        }
      });
    };

    const drawHeader = (tagged: boolean): void => {
      if (!spec.header || !headerLines) return;
      const top = this.y;
      drawRowDecoration(top, headerHeight, true);
      const drawCell = (index: number): void => {
        const cell = spec.header?.[index];
        if (!cell) return;
        const x = (xs[index] ?? 0) + CELL_PAD_X;
        const width = (spec.widths[index] ?? 0) - 2 * CELL_PAD_X;
        this.drawLines(headerLines[index] ?? [], cell.style, x, top + CELL_PAD_Y, width, cell.align);
      };
      if (tagged) {
        const row = this.doc.struct('TR');
        table.add(row);
        spec.header.forEach((_, index) => {
          const options: StructOptions = { scope: 'Column' };
          const th = this.doc.struct('TH', options);
          row.add(th);
          th.add(() => drawCell(index));
          th.end();
        });
        row.end();
      } else {
        // A repeated header row is page furniture: tagged once, on the first page only.
        this.doc.markContent('Artifact', { type: 'Pagination' });
        spec.header.forEach((_, index) => drawCell(index));
        this.doc.endMarkedContent();
      }
      this.y += headerHeight;
      this.pageIsEmpty = false;
    };

    const continueOnNewPage = (): void => {
      this.newPage();
      drawHeader(false);
    };

    // Start on a new page unless the header and a first line of the first row fit here.
    const firstLine = spec.rows[0]
      ? Math.max(...spec.rows[0].map((cell) => this.lineHeight(cell.style))) + 2 * CELL_PAD_Y
      : 0;
    if (headerHeight + firstLine > this.spaceLeft && !this.pageIsEmpty) this.newPage();
    drawHeader(true);
    let rowsOnPage = 0;

    for (const cells of spec.rows) {
      const lines = cells.map(wrapCell);
      const fullHeight = heightOf(cells, lines);
      const freshPageRoom = this.doc.page.height - MARGINS.top - MARGINS.bottom - headerHeight;
      // Move a row that does not fit to the next page whole; only a row taller than a page is split.
      if (fullHeight > this.spaceLeft + 0.001 && fullHeight <= freshPageRoom && rowsOnPage > 0) {
        continueOnNewPage();
        rowsOnPage = 0;
      }

      const row = this.doc.struct('TR');
      table.add(row);
      const cellElements = cells.map((_, index) => {
        const options: StructOptions = index === 0 && spec.firstColumnIsRowHeader ? { scope: 'Row' } : {};
        const element = this.doc.struct(index === 0 && spec.firstColumnIsRowHeader ? 'TH' : 'TD', options);
        row.add(element);
        return element;
      });
      const drawn = cells.map(() => 0);
      const lineHeights = cells.map((cell) => this.lineHeight(cell.style));
      const unfinished = (): boolean => drawn.some((count, index) => count < (lines[index]?.length ?? 0));

      while (unfinished()) {
        const room = this.spaceLeft - 2 * CELL_PAD_Y + 0.001;
        // On a page that holds nothing but the header, draw at least one line, or we would loop.
        const freshPage = rowsOnPage === 0 && this.y <= MARGINS.top + headerHeight + 0.001;
        const takes = lineHeights.map((height) => Math.max(freshPage ? 1 : 0, Math.floor(room / height)));
        if (takes.some((take, index) => take < 1 && drawn[index]! < (lines[index]?.length ?? 0))) {
          continueOnNewPage();
          rowsOnPage = 0;
          continue;
        }
        const top = this.y;
        let segmentHeight = 0;
        const chunks = cells.map((_, index) => {
          const chunk = (lines[index] ?? []).slice(drawn[index], drawn[index]! + takes[index]!);
          drawn[index]! += chunk.length;
          segmentHeight = Math.max(segmentHeight, chunk.length * lineHeights[index]!);
          return chunk;
        });
        segmentHeight += 2 * CELL_PAD_Y;
        drawRowDecoration(top, segmentHeight, false);
        cells.forEach((cell, index) => {
          const chunk = chunks[index] ?? [];
          if (chunk.length === 0 || chunk.every((line) => line === '')) return;
          const x = (xs[index] ?? 0) + CELL_PAD_X;
          const width = (spec.widths[index] ?? 0) - 2 * CELL_PAD_X;
          cellElements[index]?.add(() => this.drawLines(chunk, cell.style, x, top + CELL_PAD_Y, width, cell.align));
        });
        this.y += segmentHeight;
        this.pageIsEmpty = false;
        rowsOnPage += 1;
        if (unfinished()) {
          continueOnNewPage();
          rowsOnPage = 0;
        }
      }
      cellElements.forEach((element) => element.end());
      row.end();
    }
    table.end();
    this.y += BLOCK_GAP + 4;
  }

  pageBreak(): void {
    // A break at the top of a fresh page would only produce a blank page.
    if (!this.pageIsEmpty) this.newPage();
  }

  /** Running header, footer and "n / total" page numbers, written once the page count is known. */
  finish(header: string | undefined, footer: string | undefined): void {
    this.root.end();
    const { start, count } = this.doc.bufferedPageRange();
    const style = STYLES.running;
    const measure = this.measure(style);
    for (let index = start; index < start + count; index++) {
      this.doc.switchToPage(index);
      if (header) {
        const text = fitOnOneLine(header, this.contentWidth, measure);
        this.doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] });
        this.drawLines([text], style, MARGINS.left, HEADER_BASELINE_TOP, this.contentWidth, 'left');
        this.doc.endMarkedContent();
      }
      const footerTop = this.doc.page.height - FOOTER_TOP_FROM_BOTTOM;
      const pageNumber = `${index - start + 1} / ${count}`;
      const numberWidth = measure(pageNumber);
      this.doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
      if (footer) {
        const text = fitOnOneLine(footer, this.contentWidth - numberWidth - 24, measure);
        this.drawLines([text], style, MARGINS.left, footerTop, this.contentWidth, 'left');
      }
      this.drawLines([pageNumber], style, MARGINS.left, footerTop, this.contentWidth, 'right');
      this.doc.endMarkedContent();
    }
  }
}

/** Renders a document to PDF bytes (A4, DejaVu Sans embedded as a subset, tagged PDF 1.7). */
export async function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  validate(spec);
  const fonts = dejaVuSansFiles();
  const createdAt = spec.createdAt ?? new Date();
  const info: PDFKit.DocumentInfo = { Title: spec.title, CreationDate: createdAt, ModDate: createdAt };
  if (spec.author) info.Author = spec.author;
  if (spec.subject) info.Subject = spec.subject;

  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    // Passing the font here stops pdfkit from loading its default Helvetica at all.
    font: fonts.regular,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: spec.lang,
    displayTitle: true,
    info,
  });

  // pdfkit copies Title/Author/Subject into the XMP metadata without escaping them, so "Ommen &
  // Dalfsen" would make the XML invalid. The Info dictionary is written before the XMP, so we swap
  // in escaped values only for that last step.
  const writeXmp = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    doc.info = {
      ...doc.info,
      ...(doc.info.Title ? { Title: xmlEscape(doc.info.Title) } : {}),
      ...(doc.info.Author ? { Author: xmlEscape(doc.info.Author) } : {}),
      ...(doc.info.Subject ? { Subject: xmlEscape(doc.info.Subject) } : {}),
    };
    writeXmp();
  };

  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const writer = new PageWriter(doc, fonts);
  for (const block of spec.blocks) {
    switch (block.kind) {
      case 'heading':
        writer.heading(block.level, block.text);
        break;
      case 'paragraph':
        writer.paragraph(block.text);
        break;
      case 'list':
        writer.list(block.items);
        break;
      case 'table':
        writer.table(block.columns, block.rows);
        break;
      case 'keyValue':
        writer.keyValue(block.pairs);
        break;
      case 'pageBreak':
        writer.pageBreak();
        break;
      default: {
        const unknown: never = block;
        throw new RangeError(`Unknown PDF block: ${JSON.stringify(unknown)}`);
      }
    }
  }
  writer.finish(spec.header, spec.footer);
  doc.end();
  return done;
}
