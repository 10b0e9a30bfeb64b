import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { z } from 'zod';
import { csvStream, XLSX_TYPE, xlsxStream } from '../services/spreadsheet-files.ts';
import { addVary } from './conditional.ts';

export type ExportFormat = 'json' | 'csv' | 'xlsx';

const MEDIA: Record<string, ExportFormat> = { 'application/json': 'json', 'text/csv': 'csv', [XLSX_TYPE]: 'xlsx' };

/** `?format=` (for links a browser follows) wins; otherwise `Accept` chooses. */
export function exportFormat(request: FastifyRequest, format: ExportFormat | undefined, reply: FastifyReply): ExportFormat {
  addVary(reply, 'Accept');
  if (format) return format;
  const chosen = new Negotiator(request.raw).mediaType(Object.keys(MEDIA));
  return (chosen ? MEDIA[chosen] : undefined) ?? 'json';
}

/** A 200 that is JSON, or the same rows as CSV or XLSX, as OpenAPI describes it. */
export function exportResponse<T extends z.ZodType>(json: T) {
  return {
    description: 'The page as JSON, or with Accept `text/csv` or XLSX (or `?format=`) every matching row as a file',
    content: {
      'application/json': { schema: json },
      'text/csv': { schema: z.string().meta({ description: 'CSV (RFC 4180), UTF-8 with a BOM; text cells beginning with = + - @ tab or CR carry a leading apostrophe' }) },
      [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary', description: 'An XLSX workbook, one sheet' }) },
    },
  };
}

/** Streams the rows as a file; the first page has been read already, so a bad query was a problem, not a broken file. */
export function sendRows(reply: FastifyReply, format: 'csv' | 'xlsx', name: string, header: readonly string[], rows: AsyncIterable<(string | number)[]>): FastifyReply {
  const csv = format === 'csv';
  return reply
    .type(csv ? 'text/csv; charset=utf-8' : XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
    .send((csv ? csvStream(header, rows) : xlsxStream(header, rows)) as never);
}

export async function* mapRows<T>(items: AsyncIterable<T> | Iterable<T>, row: (item: T, index: number) => (string | number)[]): AsyncIterable<(string | number)[]> {
  let index = 0;
  for await (const item of items) yield row(item, index++);
}
