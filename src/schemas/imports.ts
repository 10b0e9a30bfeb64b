import { z } from 'zod';
import { Id, Problem, Timestamp } from './common.ts';

export const ImportQuery = z
  .object({
    mode: z
      .enum(['create', 'upsert'])
      .default('create')
      .meta({ description: '`create`: every row is a new draft (an externalRef already taken is an error). `upsert`: rows are matched on externalRef (an exported row without one on its id): found ones are updated, never changing their status; the rest are created as drafts.' }),
    dryRun: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true')
      .meta({ description: '`true`: check every row and report what would happen; nothing is changed' }),
    emptyCells: z
      .enum(['keep', 'clear'])
      .default('keep')
      .meta({ description: '`keep`: an empty cell leaves the field as it is. `clear`: an empty cell removes the field of an existing opportunity (an empty list cell empties the list); a required column cannot be cleared, and its empty cell is a `required` error. A missing column always leaves the field.' }),
  })
  .strict();

const CellValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(50)]);

export const ImportJsonBody = z
  .object({
    rows: z
      .array(z.record(z.string().max(100), CellValue))
      .meta({ description: 'One object per row, keyed by column name as in the template (`title.en`, `location.province` …); lists as arrays or `;`-separated text. Row numbers in the report count the first object as row 2, as under a header.' }),
  })
  .strict()
  .meta({ id: 'ImportRows' });

export const ImportFile = z
  .object({ file: z.string().meta({ format: 'binary', description: 'A CSV (UTF-8, with or without BOM) or XLSX file, at most 10 MB' }) })
  .meta({ id: 'ImportFile' });

const CellError = z
  .object({
    row: z.number().int().meta({ description: 'Spreadsheet row; the header is row 1' }),
    column: z.string(),
    code: z.string().meta({ description: 'Stable code, e.g. `unknown-value`, `required`, `invalid`, `external-ref-taken`' }),
    message: z.string(),
    value: z.string().meta({ description: 'The cell as read' }),
    suggestion: z.string().optional().meta({ description: 'For a controlled value or a column name: the nearest known one ("did you mean")' }),
  })
  .meta({ id: 'ImportError' });

export const ImportRecord = z
  .object({
    id: Id,
    createdAt: Timestamp,
    mode: z.enum(['create', 'upsert']),
    dryRun: z.boolean(),
    status: z.enum(['committed', 'dry-run', 'invalid']).meta({ description: '`invalid`: at least one error, nothing was changed' }),
    format: z.enum(['csv', 'xlsx', 'json']),
    filename: z.string().nullable(),
    counts: z
      .object({ rows: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), errors: z.number().int() })
      .meta({ description: 'Rows read, what they did (or would do, in a dry run or an invalid file), and the errors found' }),
    rows: z.array(
      z.object({
        row: z.number().int(),
        action: z.enum(['create', 'update', 'unchanged', 'error']),
        opportunityId: Id.optional(),
        externalRef: z.string().optional(),
        errors: z.array(CellError),
      }),
    ),
    errors: z.array(CellError).meta({ description: 'Every error, by row and column' }),
  })
  .meta({ id: 'Import' });

export const ImportProblem = Problem.extend({
  import: ImportRecord.optional().meta({ description: 'With `import-invalid`: the import record, every error by row and column' }),
}).meta({ id: 'ImportProblem' });

export type ImportRecordView = z.infer<typeof ImportRecord>;
