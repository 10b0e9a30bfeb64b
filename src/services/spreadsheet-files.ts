import { PassThrough, Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { COLUMNS, LIST_SEPARATOR, MAX_COLUMNS, csvLine, type Cell, type Vocabularies } from '../domain/spreadsheet.ts';
import type { ProblemCode } from '../domain/problem-codes.ts';
import { ServiceError } from './errors.ts';

/** A file as rows of cells: what import reads, whatever the format. */
export interface Sheet {
  format: 'csv' | 'xlsx';
  header: string[];
  /** The rows after the header, row 2 first. */
  rows: Cell[][];
}

export const MAX_ROWS = 10_000;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** What an XLSX may inflate to: a 10 MB file of 10,000 rows is far below it, a ZIP bomb far above. */
const MAX_XLSX_INFLATED_BYTES = 64 * 1024 * 1024;
const MAX_XLSX_ENTRIES = 1000;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEET_NAME = 'opportunities';

const badFile = (code: ProblemCode, message: string) => new ServiceError(400, code, message, 'file');

export const tooManyRows = (rows: number) =>
  new ServiceError(422, 'too-many-rows', `The file has ${rows} rows; at most ${MAX_ROWS} are imported at once. Split it into smaller files.`, 'file');

/** Reads a CSV or XLSX file, recognised by its content rather than its name. */
export async function readSheet(file: Buffer): Promise<Sheet> {
  if (file.length === 0) throw badFile('empty-file', 'The file is empty; send a CSV or XLSX file with a header row.');
  if (file.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1'))) return readXlsx(file);
  return readCsv(file);
}

function readCsv(file: Buffer): Sheet {
  if ((file[0] === 0xff && file[1] === 0xfe) || (file[0] === 0xfe && file[1] === 0xff)) {
    throw badFile('unsupported-encoding', 'The file is UTF-16; save it as "CSV UTF-8" (or XLSX) and send it again.');
  }
  if (file.includes(0)) throw badFile('not-a-spreadsheet', 'The file is neither CSV text nor an XLSX workbook; send a CSV (UTF-8) or XLSX file.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    throw badFile('unsupported-encoding', 'The file is not UTF-8 text (perhaps Latin-1 or Windows-1252); save it as "CSV UTF-8" and send it again.');
  }
  const delimiter = checkShape(text);
  const records = parseCsvText(text, delimiter);
  const [header = [], ...rows] = records;
  return { format: 'csv', header, rows };
}

function parseCsvText(text: string, delimiter: string): string[][] {
  try {
    return parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: false, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw badFile('malformed-csv', `The CSV cannot be read${line ? ` near line ${line}` : ''}: ${(error as Error).message}. Check the quotes in that row.`);
  }
}

/**
 * Before parsing, one pass over the text counts rows and the cells of each (outside quotes),
 * so a file of 10,000 columns or too many rows is refused without building it in memory. The
 * delimiter is `,` unless the header has more `;` (spreadsheets in Indonesian save that way).
 */
function checkShape(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let quoted = false;
  let cells = 1;
  let rows = 0;
  let rowHasContent = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === delimiter) {
      cells += 1;
      if (cells > MAX_COLUMNS) {
        throw badFile('too-many-columns', `Row ${rows + 1} has more than ${MAX_COLUMNS} columns; the template has ${COLUMNS.length}. Remove the extra columns.`);
      }
    } else if (char === '\n') {
      rows += 1;
      cells = 1;
      rowHasContent = false;
      if (rows > MAX_ROWS + 1) throw tooManyRows(countLines(text) - 1);
      continue;
    }
    if (char !== '\r') rowHasContent = true;
  }
  if (rowHasContent) rows += 1;
  if (rows > MAX_ROWS + 1) throw tooManyRows(rows - 1);
  return delimiter;
}

const countLines = (text: string) => text.split('\n').filter((line) => line.trim() !== '').length;

/**
 * The archive is checked before exceljs sees it: every entry is inflated and counted, and the
 * file is refused once the entries or their inflated bytes pass the limits (a ZIP bomb), so
 * what exceljs then loads is bounded.
 */
async function readXlsx(file: Buffer): Promise<Sheet> {
  await checkArchive(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw badFile('not-a-spreadsheet', 'The file looks like a ZIP archive but is not a readable XLSX workbook; save it again from your spreadsheet program as .xlsx.');
  }
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) throw badFile('not-a-spreadsheet', 'The file has no worksheet; save it again from your spreadsheet program as .xlsx.');
  if (sheet.actualRowCount > MAX_ROWS + 1) throw tooManyRows(sheet.actualRowCount - 1);
  if (sheet.columnCount > MAX_COLUMNS) {
    throw badFile('too-many-columns', `The worksheet has ${sheet.columnCount} columns, more than ${MAX_COLUMNS}; the template has ${COLUMNS.length}. Remove the extra columns.`);
  }
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value);
    });
    rows[number - 1] = cells;
  });
  const [header = [], ...data] = Array.from(rows, (row) => row ?? []);
  return { format: 'xlsx', header: header.map((cell) => (cell === null || cell === undefined ? '' : String(cell instanceof Date ? cell.toISOString() : cell))), rows: data };
}

/** A formula cell is read as the value it last showed, never evaluated; rich text as its text. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('result' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return null;
}

function checkArchive(file: Buffer): Promise<void> {
  const invalid = () => badFile('not-a-spreadsheet', 'The file looks like a ZIP archive but cannot be read as an XLSX workbook.');
  const tooBig = () => badFile('file-too-large-inflated', `The workbook inflates to more than ${MAX_XLSX_INFLATED_BYTES / 1024 / 1024} MB; send at most ${MAX_ROWS} rows of the template's columns.`);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(file, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(invalid());
      let entries = 0;
      let inflated = 0;
      const fail = (problem: ServiceError) => {
        zip.close();
        reject(problem);
      };
      zip.on('error', () => fail(invalid()));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        if (entries > MAX_XLSX_ENTRIES) return fail(badFile('not-a-spreadsheet', `The workbook has more than ${MAX_XLSX_ENTRIES} parts; it is not an ordinary XLSX file.`));
        if (inflated + entry.uncompressedSize > MAX_XLSX_INFLATED_BYTES) return fail(tooBig());
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(invalid());
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > MAX_XLSX_INFLATED_BYTES) {
              stream.destroy();
              fail(tooBig());
            }
          });
          stream.on('error', () => fail(invalid()));
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

/** CSV as a stream of lines, UTF-8 with a BOM so spreadsheet programs read the accents right. */
export function csvStream(header: readonly string[], rows: AsyncIterable<(string | number)[]>): Readable {
  return Readable.from(
    (async function* () {
      yield '\uFEFF' + csvLine(header);
      for await (const row of rows) yield csvLine(row);
    })(),
  );
}

/** XLSX written row by row as it streams out (no shared strings), so memory stays flat however many rows. */
export function xlsxStream(header: readonly string[], rows: AsyncIterable<(string | number)[]>): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  void (async () => {
    sheet.addRow([...header]).commit();
    for await (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error as Error));
  return output;
}

/** The import template as CSV: the header and one example row that imports as it is. */
export function templateCsv(): string {
  return '\uFEFF' + csvLine(COLUMNS.map((column) => column.name)) + csvLine(COLUMNS.map((column) => column.example));
}

/**
 * The import template as XLSX: the header, one example row, and drop-down lists for the
 * controlled values (their codes on a hidden sheet). Lists of several values take one pick
 * from the list and accept more typed in, separated by `;`.
 */
export async function templateXlsx(vocabularies: Vocabularies): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet('lists', { state: 'veryHidden' });
  sheet.addRow(COLUMNS.map((column) => column.name)).font = { bold: true };
  sheet.addRow(COLUMNS.map((column) => column.example));
  COLUMNS.forEach((column, index) => {
    sheet.getColumn(index + 1).width = Math.max(14, column.name.length + 2);
    if (typeof column.kind !== 'object') return;
    const single = 'code' in column.kind;
    const name = 'code' in column.kind ? column.kind.code : column.kind.codes;
    const codes = vocabularies[name].map((entry) => entry.code);
    const listColumn = lists.getColumn(index + 1);
    listColumn.values = [column.name, ...codes];
    const letter = listColumn.letter;
    const target = sheet.getColumn(index + 1).letter;
    // One validation over the whole column's range (exceljs's cell-by-cell form would make 10,000 of them).
    (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(`${target}2:${target}${MAX_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`lists!$${letter}$2:$${letter}$${codes.length + 1}`],
      showErrorMessage: single,
      errorTitle: column.name,
      error: 'Pick a value from the list.',
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rows sent as JSON, as a sheet: the columns in the order they first appear; lists joined with `;`. */
export function sheetOfRows(rows: readonly Record<string, string | number | boolean | null | string[]>[]): { format: 'json'; header: string[]; rows: Cell[][] } {
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return {
    format: 'json',
    header,
    rows: rows.map((row) => header.map((name) => {
      const value = row[name];
      return Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
    })),
  };
}
