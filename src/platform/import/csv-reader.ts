// Reading an uploaded CSV file, streaming: never the whole file as records in memory, and the
// parser runs in slices so a 5 MB file does not hold up other requests. What spreadsheets
// actually save is accepted: UTF-8 with or without a byte-order mark, Windows-1252 (what Dutch
// Excel writes for "CSV (gescheiden door lijstscheidingsteken)"), UTF-16 with a byte-order mark,
// ',' or ';' (or tab) as the delimiter — taken from the header line. Anything else ends in a
// FileError with the row where it went wrong, never in half a file.
import { createReadStream } from 'node:fs';
import { Readable, Transform, pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { FileError, ImportColumn } from './importer.ts';

/** Opens a fresh stream of the file's bytes; called once per pass over the file. */
export type ByteSource = () => Readable;

const sliceSize = 64 * 1024;

/** A source over bytes already in memory (an upload), handed out in slices. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return () =>
    Readable.from(
      (function* slices() {
        for (let at = 0; at < bytes.byteLength; at += sliceSize) yield Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(sliceSize, bytes.byteLength - at));
      })(),
    );
}

export function fileSource(path: string): ByteSource {
  return () => createReadStream(path, { highWaterMark: sliceSize });
}

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type Delimiter = ',' | ';' | '\t';

export class ImportFileError extends Error {
  constructor(readonly fileError: FileError) {
    super(`Import file error: ${fileError.key}`);
    this.name = 'ImportFileError';
  }
}

class EncodingError extends Error {}

/** The delimiter that occurs most often outside quotes in the header line; ',' when there is none. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
  return counts[best] > 0 ? best : ',';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export interface Sniffed {
  /** The encoding the byte-order mark names; null means: try UTF-8, fall back to Windows-1252. */
  encoding: TextEncoding | null;
  delimiter: Delimiter;
}

/** Looks at the start of the file: a spreadsheet or other binary file, a byte-order mark, the header line. */
export async function sniff(source: ByteSource): Promise<Sniffed> {
  const parts: Buffer[] = [];
  let length = 0;
  const stream = source();
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      parts.push(buffer);
      length += buffer.byteLength;
      if (length >= sliceSize || buffer.includes(0x0a)) break;
    }
  } finally {
    stream.destroy();
  }
  const head = Buffer.concat(parts).subarray(0, sliceSize);
  // xlsx and ods are zip files; xls is an OLE compound file.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new ImportFileError({ key: 'import.error.notCsv' });
  }
  let encoding: TextEncoding | null = null;
  if (startsWith(head, [0xff, 0xfe])) encoding = 'utf-16le';
  else if (startsWith(head, [0xfe, 0xff])) encoding = 'utf-16be';
  else if (head.includes(0x00)) throw new ImportFileError({ key: 'import.error.notCsv' });
  const text = new TextDecoder(encoding ?? 'utf-8').decode(head);
  const headerLine = text.split(/\r\n|\n|\r/)[0] ?? '';
  return { encoding, delimiter: detectDelimiter(headerLine) };
}

/** Bytes in the given encoding → UTF-8 bytes for the parser; invalid UTF-8 raises EncodingError. */
function decoder(encoding: TextEncoding): Transform {
  const text = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk ? text.decode(chunk, { stream: true }) : text.decode();
    } catch {
      throw new EncodingError('invalid UTF-8');
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        const decoded = decode(chunk);
        done(null, decoded === '' ? undefined : decoded);
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        const decoded = decode();
        done(null, decoded === '' ? undefined : decoded);
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

export interface HeaderMapping {
  /** Per header cell: the column's name, or false for a column the importer does not read. */
  names: Array<string | false>;
  missing: string[];
  duplicate: string[];
}

/** Maps header cells to the importer's columns by their aliases (trimmed, case-insensitive). */
export function mapHeader(header: readonly string[], columns: readonly ImportColumn[]): HeaderMapping {
  const seen = new Set<string>();
  const duplicate: string[] = [];
  const names = header.map((cell) => {
    const text = cell.replace(/^\uFEFF/, '').trim().toLowerCase();
    const column = columns.find((c) => c.aliases.some((a) => a.toLowerCase() === text));
    if (!column) return false;
    if (seen.has(column.name)) {
      duplicate.push(cell.trim());
      return false;
    }
    seen.add(column.name);
    return column.name;
  });
  const missing = columns.filter((c) => c.required && !seen.has(c.name)).map((c) => c.aliases[0] ?? c.name);
  return { names, missing, duplicate };
}

export interface CsvRecord {
  /** The row as a spreadsheet numbers it (header = 1). */
  rowNumber: number;
  values: Record<string, string>;
}

export interface ReadOptions {
  columns: readonly ImportColumn[];
  encoding: TextEncoding;
  delimiter: Delimiter;
  maxRecordSize?: number;
}

function headerError(mapping: HeaderMapping): FileError | null {
  if (mapping.missing[0] !== undefined) return { key: 'import.error.missingColumn', params: { column: mapping.missing[0] } };
  if (mapping.duplicate[0] !== undefined) return { key: 'import.error.duplicateColumn', params: { column: mapping.duplicate[0] } };
  return null;
}

function parseError(error: CsvError, row: number, expected: number): FileError {
  const detail = (key: string, params: Record<string, string | number> = {}): FileError => ({
    key: 'import.error.parse',
    detail: { key, params: { line: row, ...params } },
  });
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return detail('import.parse.quoteNotClosed');
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return detail('import.parse.quoteMisplaced');
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const record = (error as CsvError & { record?: unknown }).record;
      return detail('import.parse.columns', { found: Array.isArray(record) ? record.length : 0, expected });
    }
    case 'CSV_MAX_RECORD_SIZE':
      return detail('import.parse.tooLong');
    default:
      return detail('import.parse.other');
  }
}

/**
 * The data rows of the file, one at a time, by column name. Rows whose every read value is blank
 * are skipped (spreadsheets save them as ";;"), but still counted in the row numbers. Throws an
 * ImportFileError for a bad header or malformed CSV (with the row), EncodingError for bad UTF-8.
 */
export async function* readRecords(source: ByteSource, options: ReadOptions): AsyncGenerator<CsvRecord> {
  let mapping: HeaderMapping | null = null;
  const parser = parse({
    bom: true,
    delimiter: options.delimiter,
    columns: (header: string[]) => {
      mapping = mapHeader(header, options.columns);
      return mapping.names;
    },
    skip_empty_lines: true,
    relax_column_count: false,
    max_record_size: options.maxRecordSize ?? 64 * 1024,
    info: true,
  });
  const input = source();
  // pipeline() hands an error of any stage to the parser, so the loop below sees it.
  pipeline(input, decoder(options.encoding), parser, () => undefined);
  let records = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { empty_lines: number } }>) {
      if (records === 0 && mapping) {
        const problem = headerError(mapping);
        if (problem) throw new ImportFileError(problem);
      }
      records++;
      const values = item.record;
      if (Object.values(values).every((v) => v.trim() === '')) continue;
      yield { rowNumber: 1 + records + item.info.empty_lines, values };
    }
  } catch (error) {
    if (error instanceof ImportFileError || error instanceof EncodingError) throw error;
    if (error instanceof CsvError) {
      // The parser's own counts: records it had parsed may not have reached this loop yet.
      const context = error as CsvError & { empty_lines?: number; records?: number };
      const headerRead = mapping !== null;
      const row = (headerRead ? 2 + (context.records ?? records) : 1) + (context.empty_lines ?? 0);
      const expected = (mapping as HeaderMapping | null)?.names.length ?? 0;
      throw new ImportFileError(parseError(error, row, expected));
    }
    throw error;
  } finally {
    input.destroy();
    parser.destroy();
  }
  if (records === 0 && mapping) {
    const problem = headerError(mapping);
    if (problem) throw new ImportFileError(problem);
  }
}

export interface ScanResult {
  encoding: TextEncoding;
  delimiter: Delimiter;
  /** Data rows (blank rows not counted). */
  rows: number;
}

/**
 * The first pass: checks that the whole file reads as CSV with the right header and is neither
 * empty nor too long, and counts its rows (for "x of y"), before anything is staged.
 */
export async function scanFile(
  source: ByteSource,
  options: { columns: readonly ImportColumn[]; maxRows: number; maxRecordSize?: number },
): Promise<ScanResult> {
  const sniffed = await sniff(source);
  const attempts: TextEncoding[] = sniffed.encoding ? [sniffed.encoding] : ['utf-8', 'windows-1252'];
  for (const encoding of attempts) {
    let rows = 0;
    try {
      for await (const _record of readRecords(source, { ...options, encoding, delimiter: sniffed.delimiter })) {
        rows++;
        if (rows > options.maxRows) throw new ImportFileError({ key: 'import.error.tooManyRows', params: { max: options.maxRows } });
      }
    } catch (error) {
      // Not UTF-8: read it again as Windows-1252, which decodes every byte.
      if (error instanceof EncodingError) continue;
      throw error;
    }
    if (rows === 0) throw new ImportFileError({ key: 'import.error.empty' });
    return { encoding, delimiter: sniffed.delimiter, rows };
  }
  throw new ImportFileError({ key: 'import.error.notCsv' });
}
