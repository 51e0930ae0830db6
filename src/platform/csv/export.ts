// CSV export for any list. Cells that a spreadsheet would run as a formula (starting with =, +, -,
// @, tab or carriage return) are prefixed with a quote, after OWASP's CSV-injection advice, so an
// exported name like "=HYPERLINK(...)" stays text. UTF-8 with a byte-order mark so Excel reads ë and €.
import { stringify } from 'csv-stringify/sync';

const formulaStart = /^[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

export type CsvCell = string | number | boolean | Date | null | undefined;

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return neutraliseFormula(value);
}

export function toCsv(headers: string[], rows: CsvCell[][], options: { delimiter?: ',' | ';' } = {}): string {
  const body = stringify([headers.map(neutraliseFormula), ...rows.map((r) => r.map(cellText))], {
    delimiter: options.delimiter ?? ',',
    record_delimiter: 'windows',
    quoted_match: /[\s"',;]/,
  });
  return `\uFEFF${body}`;
}

/** A download response; the file name is reduced to safe characters. */
export function csvResponse(fileName: string, csv: string): Response {
  const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 100) || 'export.csv';
  return new Response(csv, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${safe}"`,
      'cache-control': 'no-store',
    },
  });
}
