// Helpers for the export specs: download a file through the app (bytes kept as bytes) and read it back.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import type { OutgoingHttpHeaders } from 'node:http';
import type { TestApp } from './test-app';

export interface Download {
  status: number;
  headers: OutgoingHttpHeaders;
  bytes: Buffer;
  /** The JSON error body when the status is not 200. */
  json: any;
}

export async function download(t: TestApp, method: 'GET' | 'POST', url: string, token: string, body?: unknown): Promise<Download> {
  const response = await t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  let json: unknown = null;
  if (response.statusCode !== 200) {
    try {
      json = JSON.parse(response.body);
    } catch {
      // not JSON
    }
  }
  return { status: response.statusCode, headers: response.headers, bytes: response.rawPayload, json };
}

/** The CSV's records (header first), the BOM checked and removed. */
export async function csvRecords(bytes: Buffer): Promise<string[][]> {
  if (!bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) throw new Error('the CSV has no UTF-8 BOM');
  return new Promise((resolve, reject) => {
    parse(bytes.subarray(3), { relax_column_count: false }, (error, records: string[][]) => (error ? reject(error) : resolve(records)));
  });
}

/** The first sheet's name and rows (header first), as exceljs reads them back. */
export async function xlsxRows(bytes: Buffer): Promise<{ name: string; rows: ExcelJS.CellValue[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: ExcelJS.CellValue[][] = [];
  const width = sheet.columnCount; // counted over every row: once
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1); // exceljs rows are 1-based
    rows.push(Array.from({ length: width }, (_, i) => values[i] ?? null));
  });
  return { name: sheet.name, rows };
}
