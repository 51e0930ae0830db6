import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesSource, detectDelimiter, ImportFileError, mapHeader, readRecords, scanFile, type ByteSource } from './csv-reader.ts';
import type { FileError, ImportColumn } from './importer.ts';

const columns: ImportColumn[] = [
  { name: 'code', aliases: ['code'], required: true },
  { name: 'name', aliases: ['name', 'naam'], required: true },
];

function source(input: string | Buffer): ByteSource {
  return bytesSource(typeof input === 'string' ? Buffer.from(input, 'utf8') : input);
}

async function readAll(input: string | Buffer, maxRows = 100) {
  const src = source(input);
  const scan = await scanFile(src, { columns, maxRows });
  const rows = [];
  for await (const r of readRecords(src, { columns, ...scan })) rows.push(r);
  return { scan, rows };
}

async function fileError(input: string | Buffer, maxRows = 100): Promise<FileError> {
  try {
    await readAll(input, maxRows);
  } catch (error) {
    if (error instanceof ImportFileError) return error.fileError;
    throw error;
  }
  assert.fail('expected the file to be refused');
}

test('the delimiter is the one the header line uses most, outside quotes', () => {
  assert.equal(detectDelimiter('code,naam'), ',');
  assert.equal(detectDelimiter('code;naam'), ';');
  assert.equal(detectDelimiter('"code,x";naam'), ';');
  assert.equal(detectDelimiter('code\tnaam'), '\t');
  assert.equal(detectDelimiter('code'), ',');
});

test('headers map by alias, trimmed and in any case; unknown columns are ignored', () => {
  assert.deepEqual(mapHeader([' Code ', 'NAAM', 'inwoners'], columns), { names: ['code', 'name', false], missing: [], duplicate: [] });
  assert.deepEqual(mapHeader(['code', 'wijk'], columns).missing, ['name']);
  assert.deepEqual(mapHeader(['code', 'naam', 'name'], columns).duplicate, ['name']);
});

test('a comma file and a semicolon file with a byte-order mark and CRLF read the same', async () => {
  const comma = await readAll('code,name\nWK01,Centrum\nWK02,"Oost, West"\n');
  const semicolon = await readAll('\uFEFFcode;naam\r\nWK01;Centrum\r\nWK02;Oost, West\r\n');
  assert.equal(semicolon.scan.delimiter, ';');
  assert.deepEqual(semicolon.rows, comma.rows);
  assert.deepEqual(comma.rows[1], { rowNumber: 3, values: { code: 'WK02', name: 'Oost, West' } });
});

test('row numbers are spreadsheet rows: blank and empty rows count, a multi-line value is one row', async () => {
  const { scan, rows } = await readAll('code;naam\nA;1\n\n;\nB;"twee\nregels"\nC;3\n');
  assert.equal(scan.rows, 3);
  assert.deepEqual(rows.map((r) => r.rowNumber), [2, 5, 6]);
  assert.equal(rows[1]!.values.name, 'twee\nregels');
});

test('a file that is not UTF-8 is read as Windows-1252, as Dutch Excel saves it', async () => {
  const bytes = Buffer.concat([Buffer.from('code;naam\nWK01;Caf'), Buffer.from([0xe9]), Buffer.from(' de Brug\n')]);
  const { scan, rows } = await readAll(bytes);
  assert.equal(scan.encoding, 'windows-1252');
  assert.equal(rows[0]!.values.name, 'Café de Brug');
});

test('UTF-16 with a byte-order mark and tabs (Excel "Unicode text") is read', async () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('code\tnaam\r\nWK01\tÉén\r\n', 'utf16le')]);
  const { rows } = await readAll(bytes);
  assert.deepEqual(rows, [{ rowNumber: 2, values: { code: 'WK01', name: 'Één' } }]);
});

test('an unclosed quote is reported at the row where the value starts', async () => {
  assert.deepEqual(await fileError('code,naam\nA,1\n\nB,"twee\nC,3\nD,4\n'), {
    key: 'import.error.parse', detail: { key: 'import.parse.quoteNotClosed', params: { line: 4 } },
  });
});

test('a row with the wrong number of columns is reported with its row and both counts', async () => {
  assert.deepEqual(await fileError('code,naam\nA,1\nB,2,3\n'), {
    key: 'import.error.parse', detail: { key: 'import.parse.columns', params: { line: 3, found: 3, expected: 2 } },
  });
});

test('a missing or doubled column, an empty file and a header without rows are file errors', async () => {
  assert.deepEqual(await fileError('code,wijk\nA,1\n'), { key: 'import.error.missingColumn', params: { column: 'name' } });
  assert.deepEqual(await fileError('code,naam,name\nA,1,2\n'), { key: 'import.error.duplicateColumn', params: { column: 'name' } });
  assert.deepEqual(await fileError(''), { key: 'import.error.empty' });
  assert.deepEqual(await fileError('code;naam\r\n\r\n;\r\n'), { key: 'import.error.empty' });
});

test('more rows than allowed fail the file, exactly at the limit passes', async () => {
  const rows = (n: number) => 'code,naam\n' + Array.from({ length: n }, (_, i) => `C${i},N${i}`).join('\n');
  assert.equal((await readAll(rows(10_000), 10_000)).scan.rows, 10_000);
  assert.deepEqual(await fileError(rows(10_001), 10_000), { key: 'import.error.tooManyRows', params: { max: 10_000 } });
});

test('a spreadsheet or other binary file is refused as not CSV', async () => {
  assert.deepEqual(await fileError(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])), { key: 'import.error.notCsv' });
  assert.deepEqual(await fileError(Buffer.from('code,naam\nA\u0000,1\n')), { key: 'import.error.notCsv' });
});

test('a record longer than the limit is a parse error, not a stalled read', async () => {
  const src = source('code,naam\nA,"' + 'x'.repeat(5000));
  await assert.rejects(scanFile(src, { columns, maxRows: 10, maxRecordSize: 1000 }), (error: unknown) => {
    assert.ok(error instanceof ImportFileError);
    assert.deepEqual(error.fileError.detail, { key: 'import.parse.tooLong', params: { line: 2 } });
    return true;
  });
});
