// CSV downloads that a spreadsheet opens as they are: UTF-8 with a byte-order mark (Excel reads Chinese names right),
// every field quoted, CRLF records (RFC 4180), and text that a spreadsheet would run as a formula made inert. Rows
// are pulled from an async source as the client reads, so an export of any length holds about one page in memory.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

export type CsvColumn<Row> = { key: keyof Row & string; header: string };

// A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (CSV injection).
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?\d+(\.\d+)?$/;

/** Text a spreadsheet would evaluate gets a leading apostrophe; numbers (a negative net amount) stay numbers. */
export function escapeFormula(value: string): string {
  return formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
}

/** The CSV bytes of `rows`, streamed with backpressure: the source is read only as fast as the reader takes it. */
export function csvStream<Row extends Record<string, unknown>>(columns: CsvColumn<Row>[], rows: AsyncIterable<Row>): Readable {
  const stringifier = stringify({
    bom: true,
    header: true,
    columns: columns.map(({ key, header }) => ({ key, header })),
    quoted: true,
    record_delimiter: 'windows',
    cast: {
      string: escapeFormula,
      date: (value) => value.toISOString(),
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });
  const source = Readable.from(rows);
  source.on('error', (error) => stringifier.destroy(error));
  // A reader that goes away stops the source, and with it the queries behind it.
  stringifier.on('close', () => source.destroy());
  return source.pipe(stringifier);
}

/** A streamed `text/csv` attachment. */
export function csvResponse<Row extends Record<string, unknown>>(filename: string, columns: CsvColumn<Row>[], rows: AsyncIterable<Row>) {
  const body = Readable.toWeb(csvStream(columns, rows)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Whether a request asks for CSV: `Accept: text/csv`, or `format=csv` for a plain download link. */
export function wantsCsv(request: Request, format?: string): boolean {
  if (format !== undefined) return format === 'csv';
  return /(^|,)\s*text\/csv\s*(;|,|$)/i.test(request.headers.get('accept') ?? '');
}
