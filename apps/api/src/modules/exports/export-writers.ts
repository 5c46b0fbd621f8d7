// CSV and XLSX writers: rows arrive in batches from an async iterable (a database cursor) and leave as
// a stream, pulled only as fast as the client reads, so memory stays flat however many rows there are.
// Each batch is written in one go: per-row promises, stream hops and socket writes would make garbage
// that lives just long enough to reach V8's old generation, and memory would climb until a full GC.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import type { ExportFormat } from '@mih/contracts';

export type Cell = string | number | null;
/** `date` cells hold `YYYY-MM-DD`, `datetime` cells `YYYY-MM-DD HH:MM`, both already in the export's time zone. */
export type ColumnType = 'text' | 'number' | 'date' | 'datetime';

export interface SheetColumn {
  header: string;
  type: ColumnType;
  width?: number;
}

export interface Sheet {
  name: string;
  columns: SheetColumn[];
  /** The rows, a batch at a time (a few dozen: each batch's CSV is one small string). */
  batches: AsyncIterable<Cell[][]>;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function writeSheet(format: ExportFormat, sheet: Sheet): Readable {
  return format === 'csv' ? writeCsv(sheet) : writeXlsx(sheet);
}

/** RFC 4180 CSV with a BOM, so that spreadsheet programs read the accents as UTF-8. */
export function writeCsv(sheet: Sheet): Readable {
  // Destroyed when the client goes away, which ends the generators and so closes the cursor.
  return Readable.from(csvChunks(sheet), { objectMode: false });
}

async function* csvChunks(sheet: Sheet): AsyncGenerator<string> {
  yield stringify([sheet.columns.map((column) => defuseFormula(column.header))], { ...CSV_OPTIONS, bom: true });
  for await (const batch of sheet.batches) {
    const records = batch.map((cells) => cells.map((cell) => (typeof cell === 'string' ? defuseFormula(cell) : cell)));
    yield stringify(records, CSV_OPTIONS);
  }
}

/**
 * Quoted: every cell holding a `;` or `,` (either locale's separator), a quote or a line break, and every
 * neutralised one. csv-stringify alone quotes only the `,` it writes with, so a Spanish or French
 * spreadsheet (`;` separator) would cut `Parque;=1+1` into two cells, the second a formula.
 */
const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[;,"\r\n]|^'/ } as const;

/** Where a spreadsheet program may start a cell: the text's start, and after either locale's separator or a line break. */
const CELL_STARTS_WITH_FORMULA = /(^|[;,\r\n])(?=[\t\r]|[ \u00a0]*[=+\-@])/g;

/**
 * A text that starts like a formula (=, +, -, @, after spaces or not; a tab; a CR) would be run by a
 * spreadsheet program that opens the CSV; a leading apostrophe keeps it text (OWASP's advice on CSV
 * injection). The same holds for every part of the text after a `;`, a `,` or a line break: quotes
 * protect them only in the locale whose separator the file was written with, and a spreadsheet that
 * splits on the other one starts a new cell there. Plain numbers are left alone in number cells (they
 * are numbers, not strings); in a text cell `-2` becomes `'-2` — text stays text.
 */
export function defuseFormula(text: string): string {
  return text.replace(CELL_STARTS_WITH_FORMULA, "$1'");
}

/** How much of the sheet may wait for the zip's deflate before the rows wait for it. */
const ZIP_BACKLOG_BYTES = 1024 * 1024;

/** Excel's rows per sheet; a longer export goes on in a second sheet ("Atenciones 2"). */
export const XLSX_MAX_ROWS = 1_048_576;

/** @param maxRows rows per sheet, header included (lower in specs) */
export function writeXlsx(sheet: Sheet, maxRows = XLSX_MAX_ROWS): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  fillWorkbook(workbook, sheet, out, maxRows).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

async function fillWorkbook(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: Sheet, out: PassThrough, maxRows = XLSX_MAX_ROWS): Promise<void> {
  const types = sheet.columns.map((column) => column.type);
  let part = 1;
  let worksheet = addWorksheet(workbook, sheet, part);
  let rowsInSheet = 1;
  for await (const batch of sheet.batches) {
    for (const cells of batch) {
      if (rowsInSheet === maxRows) {
        worksheet.commit();
        worksheet = addWorksheet(workbook, sheet, ++part);
        rowsInSheet = 1;
      }
      worksheet.addRow(cells.map((cell, i) => xlsxValue(cell, types[i]))).commit();
      rowsInSheet++;
    }
    await zipCaughtUp(worksheet, out);
    if (out.destroyed) return; // the client went away: leaving the loop closes the cursor
  }
  worksheet.commit();
  await workbook.commit();
}

/** A sheet with the header row (bold, frozen) and the columns' widths and date formats. */
function addWorksheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: Sheet, part: number): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(part === 1 ? sheet.name : `${sheet.name} ${part}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column, i) => ({
    key: String(i),
    header: column.header,
    width: column.width ?? 16,
    style: column.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : column.type === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm' } : {},
  }));
  worksheet.getRow(1).font = { bold: true };
  return worksheet;
}

/** Dates become real date cells: a UTC instant with the local wall-clock time (Excel has no time zones). */
function xlsxValue(cell: Cell, type: ColumnType): ExcelJS.CellValue {
  if (typeof cell !== 'string') return cell;
  if (type === 'date') return new Date(`${cell}T00:00:00Z`);
  if (type === 'datetime') return new Date(`${cell.replace(' ', 'T')}:00Z`);
  return cell;
}

/**
 * exceljs commits rows into the zip without waiting for it, so when deflating (or the client) falls
 * behind, the whole sheet would pile up in the zip's input. Wait for that input to drain (or for the
 * client to leave). It reaches into exceljs's stream (a `pipes` list of readable-stream v3 streams);
 * should that change, rows simply stop waiting, and the export memory spec fails.
 */
function zipCaughtUp(worksheet: ExcelJS.Worksheet, out: PassThrough): Promise<void> {
  const zipInput = (worksheet as unknown as { stream?: { pipes?: ZipInput[] } }).stream?.pipes?.[0];
  const state = zipInput?._writableState;
  if (!zipInput || !state || state.length < ZIP_BACKLOG_BYTES || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      zipInput.removeListener('drain', done);
      out.removeListener('close', done);
      resolve();
    };
    zipInput.once('drain', done);
    out.once('close', done);
  });
}

interface ZipInput extends NodeJS.EventEmitter {
  _writableState?: { length: number };
}
