import multipart from '@fastify/multipart';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, problemResponses } from '../../schemas/common.ts';
import { ImportFile, ImportJsonBody, ImportProblem, ImportQuery, ImportRecord } from '../../schemas/imports.ts';
import { badRequest, ServiceError } from '../../services/errors.ts';
import { MAX_FILE_BYTES, MAX_ROWS, readSheet, sheetOfRows, templateCsv, templateXlsx, tooManyRows, XLSX_TYPE, type Sheet } from '../../services/spreadsheet-files.ts';
import { SPREADSHEET_VOCABULARIES } from '../../services/spreadsheet-vocabularies.ts';
import { STAFF } from '../access.ts';
import { sendProblem } from '../plugins/problems.ts';
import { presentImport } from '../presenters.ts';

const CSV_TYPE = 'text/csv';
const FILE_TYPES = [CSV_TYPE, XLSX_TYPE, 'application/octet-stream'];
const TOO_LARGE = new Set(['FST_ERR_CTP_BODY_TOO_LARGE', 'FST_REQ_FILE_TOO_LARGE']);

const CsvText = z.string().meta({ description: 'CSV (RFC 4180), UTF-8 with a BOM' });
const XlsxFile = z.string().meta({ format: 'binary', description: 'An XLSX workbook' });

/**
 * Bulk import. Its own plugin, so multipart parsing and the 10 MB file limit apply to these
 * routes only; every other route keeps its JSON-only body handling.
 */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, parts: 6 } });
  for (const type of FILE_TYPES) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) => done(null, body));
  }
  // A file over the limit is a 413 that names it; everything else goes on to the service's handler.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (!error.code || !TOO_LARGE.has(error.code)) throw error;
    return sendProblem(request, reply, {
      status: 413,
      code: 'payload-too-large',
      detail: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; split it into smaller files.`,
      errors: [{ in: 'body', field: 'file', pointer: '/file', message: `at most ${MAX_FILE_BYTES} bytes` }],
    });
  });

  app.post(
    '/v1/imports',
    {
      bodyLimit: MAX_FILE_BYTES,
      config: {
        access: STAFF,
        // 10,000 rows checked and written in one transaction can outlast an ordinary request on a busy embedded database.
        longRunning: true,
        requestBodies: { 'multipart/form-data': ImportFile, [CSV_TYPE]: CsvText, [XLSX_TYPE]: XlsxFile, 'application/json': ImportJsonBody },
      },
      schema: {
        tags: ['imports'],
        operationId: 'importOpportunities',
        summary: 'Import opportunities from a CSV or XLSX file, or JSON rows: all or nothing',
        description: `Columns as in the template (GET /v1/imports/template.xlsx); a missing column leaves the field as it is, and so does an empty cell unless \`emptyCells=clear\` (then it removes an optional field of an existing opportunity). Controlled values take codes or names in any of the five languages, provinces also their BPS code; several values are separated by \`;\`. Formula cells are read as the value they show, never evaluated. At most ${MAX_ROWS} rows (more: 422 \`too-many-rows\`) and 10 MB (413). Every row is checked first: with any error nothing changes and the answer is 422 \`import-invalid\` with the import record; a dry run changes nothing and answers 200. Imported rows are drafts; an upsert never changes a status, and a row that changes nothing is \`unchanged\` and records no event.`,
        querystring: ImportQuery,
        response: { 200: ImportRecord, 422: ImportProblem, ...problemResponses(400, 413, 415) },
      },
    },
    async (request, reply) => {
      const { sheet, filename } = await readUpload(request);
      const record = presentImport(await app.services.imports.run({ sheet, mode: request.query.mode, dryRun: request.query.dryRun, clearEmpty: request.query.emptyCells === 'clear', filename }, request.actor));
      // A dry run reports, whatever it finds; a real import with errors is refused.
      if (record.status !== 'invalid' || record.dryRun) return record;
      return sendProblem(request, reply, {
        status: 422,
        code: 'import-invalid',
        detail: `${record.counts.errors} error(s) in the rows; nothing was imported. Fix them (see import.errors, or GET /v1/imports/${record.id}/errors.csv) and send the file again.`,
        errors: record.errors.slice(0, 50).map((error) => ({ in: 'body', field: `row ${error.row}.${error.column}`, pointer: `/rows/${error.row}/${error.column}`, message: error.message })),
        members: { import: record },
      });
    },
  );

  app.get(
    '/v1/imports/template.csv',
    {
      config: { access: STAFF },
      schema: {
        tags: ['imports'],
        operationId: 'getImportTemplateCsv',
        summary: 'The import template as CSV: the header and one example row that imports as it is',
        response: { 200: { description: 'The template', content: { [CSV_TYPE]: { schema: CsvText } } } },
      },
    },
    async (_request, reply) =>
      reply.type(`${CSV_TYPE}; charset=utf-8`).header('content-disposition', 'attachment; filename="opportunities-template.csv"').send(templateCsv() as never),
  );

  app.get(
    '/v1/imports/template.xlsx',
    {
      config: { access: STAFF },
      schema: {
        tags: ['imports'],
        operationId: 'getImportTemplateXlsx',
        summary: 'The import template as XLSX, with drop-down lists for controlled values',
        response: { 200: { description: 'The template', content: { [XLSX_TYPE]: { schema: XlsxFile } } } },
      },
    },
    async (_request, reply) =>
      reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="opportunities-template.xlsx"').send((await templateXlsx(SPREADSHEET_VOCABULARIES)) as never),
  );

  app.get(
    '/v1/imports/:id',
    {
      config: { access: STAFF },
      schema: {
        tags: ['imports'],
        operationId: 'getImport',
        summary: 'Read an import record again: its counts, and each row with its action and errors',
        params: IdParams,
        response: { 200: ImportRecord, ...problemResponses(400, 404) },
      },
    },
    async (request) => presentImport(await app.services.imports.get(request.params.id)),
  );

  app.get(
    '/v1/imports/:id/errors.csv',
    {
      config: { access: STAFF },
      schema: {
        tags: ['imports'],
        operationId: 'getImportErrorsCsv',
        summary: 'The rows of an import as they were sent, with an `errors` column: fix them and send the file again',
        params: IdParams,
        response: { 200: { description: 'The rows with their errors', content: { [CSV_TYPE]: { schema: CsvText } } }, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) =>
      reply
        .type(`${CSV_TYPE}; charset=utf-8`)
        .header('content-disposition', `attachment; filename="import-${request.params.id}-errors.csv"`)
        .send((await app.services.imports.errorsCsv(request.params.id)) as never),
  );
};

/** The multipart field `file`; a body the multipart parser cannot read is the caller's 400, not a 500. */
async function readMultipartFile(request: FastifyRequest): Promise<{ file: Buffer; filename: string }> {
  try {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw badRequest('file-required', 'Send the spreadsheet in the multipart field `file`.', 'file');
    return { file: await part.toBuffer(), filename: part.filename };
  } catch (error) {
    // Limits (413) and our own problems keep their status; the parser's own errors (no boundary, a cut-off part) carry none.
    if (error instanceof ServiceError || (error as Partial<FastifyError>).statusCode) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw badRequest('malformed-multipart', `The multipart body could not be read (${reason}). Send the file as multipart/form-data with a boundary and a field named \`file\`, or as the body with its own content type.`, 'file');
  }
}

/** The rows, whichever way they came: a multipart `file`, a file as the body, or JSON rows. */
async function readUpload(request: FastifyRequest): Promise<{ sheet: Sheet | ReturnType<typeof sheetOfRows>; filename?: string }> {
  if (request.isMultipart()) {
    const { file, filename } = await readMultipartFile(request);
    return { sheet: await readSheet(file), filename };
  }
  if (Buffer.isBuffer(request.body)) return { sheet: await readSheet(request.body) };
  if (request.body === undefined || request.body === null) {
    throw badRequest('file-required', 'Send a CSV or XLSX file (multipart field `file`, or the file itself as the body) or JSON rows.', 'file');
  }
  const rows = (request.body as { rows?: unknown }).rows;
  if (Array.isArray(rows) && rows.length > MAX_ROWS) throw tooManyRows(rows.length);
  const parsed = ImportJsonBody.safeParse(request.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ServiceError(400, 'validation-failed', `body ${issue.path.join('.') || '(root)'}: ${issue.message}`, issue.path.join('.') || 'rows');
  }
  return { sheet: sheetOfRows(parsed.data.rows) };
}
