import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../domain/access.ts';
import type { UsdIdrRate } from '../domain/investment-facts.ts';
import { isEditable, writableFields, type Opportunity, type OpportunityInput } from '../domain/opportunity.ts';
import {
  COLUMNS,
  columnOf,
  fieldText,
  csvLine,
  applyRow,
  isList,
  rowPatch,
  readHeader,
  readRow,
  sameValue,
  cellText,
  type Cell,
  type CellError,
  type ReadRow,
} from '../domain/spreadsheet.ts';
import { findImport, insertImport, type ImportRow } from '../db/repositories/imports.ts';
import { findOpportunitiesByKeys, insertOpportunitiesReturning, updateOpportunity } from '../db/repositories/opportunities.ts';
import type { Database } from '../db/schema.ts';
import { OpportunityCreate } from '../schemas/opportunities.ts';
import type { ChangeWriter } from './changes.ts';
import { notFound, ServiceError } from './errors.ts';
import { checkIncentiveClaims, checkLocation } from './opportunities.ts';
import { MAX_ROWS, tooManyRows, type Sheet } from './spreadsheet-files.ts';
import { SPREADSHEET_VOCABULARIES } from './spreadsheet-vocabularies.ts';

export type ImportMode = 'create' | 'upsert';
export type RowAction = 'create' | 'update' | 'unchanged' | 'error';

export interface RowReport {
  row: number;
  action: RowAction;
  opportunityId?: string;
  externalRef?: string;
  errors: CellError[];
}

export type ImportRecord = Omit<ImportRow, 'source' | 'rows'> & { rows: RowReport[] };

/** Rows to import, from a file or sent as JSON, with what the caller asked for. */
export interface ImportRequest {
  sheet: Sheet | { format: 'json'; header: string[]; rows: Cell[][] };
  mode: ImportMode;
  dryRun: boolean;
  /** An empty cell in an update clears its field instead of leaving it as it is. */
  clearEmpty: boolean;
  filename?: string;
}

type Plan =
  | { kind: 'create'; report: RowReport; input: OpportunityInput }
  | { kind: 'update'; report: RowReport; current: Opportunity; changes: Partial<OpportunityInput> }
  | { kind: 'unchanged' | 'error'; report: RowReport };

type CreateBody = z.infer<typeof OpportunityCreate>;

/**
 * Bulk import of opportunities from spreadsheets: every row is checked first, and only a file
 * without a single error is written, in one transaction through the ChangeWriter. A row that
 * changes nothing is `unchanged` and writes nothing, so importing the same file again records
 * no events. Every attempt is kept as an import record, to be read again with its errors.
 */
export class ImportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly changes: ChangeWriter,
    private readonly rate: UsdIdrRate,
  ) {}

  async run(request: ImportRequest, actor: Actor): Promise<ImportRecord> {
    const { sheet, mode, dryRun, clearEmpty } = request;
    const header = readHeader(sheet.header);
    const unguard = sheet.format === 'csv';
    const read: ReadRow[] = [];
    sheet.rows.forEach((cells, index) => {
      if (cells.every((cell) => cellText(cell) === '')) return;
      read.push(readRow(cells, header, index + 2, SPREADSHEET_VOCABULARIES, { unguard, clearEmpty }));
    });
    if (read.length > MAX_ROWS) throw tooManyRows(read.length);
    if (read.length === 0 && header.errors.length === 0) {
      throw new ServiceError(422, 'no-rows', 'The file has a header but no rows to import; add rows under the header (see the template).', 'file');
    }

    const stored = await this.changes.write(actor, async (trx, record) => {
      const plans = await this.#plan(trx, read, mode, !dryRun);
      const failed = header.errors.length > 0 || plans.some((plan) => plan.kind === 'error');
      if (!failed && !dryRun) await this.#apply(trx, plans, record);
      const rows = [...(header.errors.length ? [{ row: 1, action: 'error' as const, errors: header.errors }] : []), ...plans.map((plan) => plan.report)];
      return insertImport(trx, {
        actorKeyId: actor.keyId,
        actorRole: actor.role,
        mode,
        dryRun,
        status: failed ? 'invalid' : dryRun ? 'dry-run' : 'committed',
        format: sheet.format,
        filename: request.filename ?? null,
        counts: countsOf(rows),
        rows,
        source: { header: sheet.header, rows: sheet.rows.map((cells) => Array.from(cells, (cell) => cellText(cell))) },
      });
    });
    return { ...stored, rows: stored.rows as RowReport[] };
  }

  async get(id: string): Promise<ImportRecord> {
    const found = await findImport(this.db, id);
    if (!found) throw notFound('Import', id);
    return { ...found, rows: found.rows as RowReport[] };
  }

  /** The rows as they were sent, each with its errors in a last `errors` column, ready to fix and send again. */
  async errorsCsv(id: string): Promise<string> {
    const found = await findImport(this.db, id, { withSource: true });
    if (!found) throw notFound('Import', id);
    const byRow = new Map((found.rows as RowReport[]).map((report) => [report.row, report.errors]));
    const { header, rows } = found.source;
    const errorsAt = header.findIndex((name) => name.trim() === 'errors');
    const width = errorsAt >= 0 ? header.length : header.length + 1;
    const at = errorsAt >= 0 ? errorsAt : header.length;
    const line = (cells: readonly string[], errors: string) => {
      const out = Array.from({ length: width }, (_, i) => cells[i] ?? '');
      out[at] = errors;
      return csvLine(out);
    };
    const describe = (errors: readonly CellError[] | undefined) => (errors ?? []).map((error) => `${error.column}: ${error.message}`).join(' | ');
    return '\uFEFF' + line(header, 'errors') + rows.map((cells, index) => line(cells, describe(byRow.get(index + 2)))).join('');
  }

  /** What each row would do, and every error found; nothing is written here. */
  async #plan(trx: Transaction<Database>, read: readonly ReadRow[], mode: ImportMode, lock: boolean): Promise<Plan[]> {
    const externalRefs = read.flatMap((row) => (row.externalRef === undefined ? [] : [row.externalRef]));
    const ids = mode === 'upsert' ? read.flatMap((row) => (row.id && UUID.test(row.id) ? [row.id] : [])) : [];
    const existing = await findOpportunitiesByKeys(trx, { externalRefs, ids }, { forUpdate: lock });
    const byRef = new Map(existing.flatMap((o) => (o.externalRef === undefined ? [] : [[o.externalRef, o] as const])));
    const byId = new Map(existing.map((o) => [o.id, o]));
    const seen = new Map<string, number>();

    return read.map((row): Plan => {
      const report: RowReport = { row: row.row, action: 'error', ...(row.externalRef !== undefined && { externalRef: row.externalRef }), errors: [...row.errors] };
      const fail = (column: string, code: string, message: string, value = ''): Plan => {
        report.errors.push({ row: row.row, column, code, message, value });
        return { kind: 'error', report };
      };
      const key = row.externalRef ?? (mode === 'upsert' ? row.id : undefined);
      if (key !== undefined) {
        const first = seen.get(key);
        if (first !== undefined) return fail(row.externalRef !== undefined ? 'externalRef' : 'id', 'duplicate-key', `Row ${first} has the same ${row.externalRef !== undefined ? 'externalRef' : 'id'}; each opportunity may appear once.`, key);
        seen.set(key, row.row);
      }

      const byReference = row.externalRef === undefined ? undefined : byRef.get(row.externalRef);
      if (mode === 'create') {
        if (byReference) {
          return fail('externalRef', 'external-ref-taken', `Opportunity ${byReference.id} already has this externalRef; import with mode=upsert to update it.`, row.externalRef);
        }
        return this.#planCreate(row, report);
      }
      const byRowId = row.id ? byId.get(row.id) : undefined;
      if (byReference && row.id && byReference.id !== row.id) {
        return fail('id', 'key-mismatch', `externalRef ${row.externalRef} belongs to opportunity ${byReference.id}, not ${row.id}; correct one of the two.`, row.id);
      }
      const current = byReference ?? byRowId;
      if (!current) {
        if (row.id && row.externalRef === undefined) return fail('id', 'not-found', `No opportunity has id ${row.id}; leave id empty and give an externalRef to create one.`, row.id);
        if (row.externalRef === undefined) return fail('externalRef', 'key-required', 'An upsert matches rows on externalRef; give each row one.');
        return this.#planCreate(row, report);
      }
      return this.#planUpdate(row, report, current);
    });
  }

  #planCreate(row: ReadRow, report: RowReport): Plan {
    // A new row's empty list cell is an empty list (no technologies sought, say), not a missing field.
    const lists = Object.fromEntries(LIST_COLUMNS.map((name) => [name, []]));
    const body = this.#validate(row, applyRow(lists, row.fields), report);
    if (!body || report.errors.length) return { kind: 'error', report };
    report.action = 'create';
    return { kind: 'create', report, input: body as OpportunityInput };
  }

  #planUpdate(row: ReadRow, report: RowReport, current: Opportunity): Plan {
    report.opportunityId = current.id;
    const before = writableFields(current);
    const patch = rowPatch(row);
    const merged = this.#validate(row, applyRow(before, patch), report, row.cleared);
    if (!merged || report.errors.length) return { kind: 'error', report };
    const changed = Object.keys(patch).filter((key) => !sameValue((merged as Record<string, unknown>)[key], before[key]));
    if (changed.length === 0) {
      report.action = 'unchanged';
      return { kind: 'unchanged', report };
    }
    if (!isEditable(current.status)) {
      report.errors.push({ row: row.row, column: columnOf([changed[0]!]), code: 'opportunity-not-editable', message: `Opportunity ${current.id} is ${current.status}; it can no longer be changed.`, value: '' });
      return { kind: 'error', report };
    }
    report.action = 'update';
    const changes = Object.fromEntries(changed.map((key) => [key, (merged as Record<string, unknown>)[key]])) as Partial<OpportunityInput>;
    return { kind: 'update', report, current, changes };
  }

  /**
   * The same rules as the JSON API: the schema, then the service's own checks, each error on its
   * column. A cell that could not be read is left out and already reported, so it is not
   * reported again as missing; every other problem of the row shows at once. A `cleared` column
   * with a problem is a required field an empty cell may not clear, reported once.
   */
  #validate(row: ReadRow, document: Record<string, unknown>, report: RowReport, cleared: readonly string[] = []): CreateBody | undefined {
    const reported = new Set(report.errors.map((error) => error.column));
    const parsed = OpportunityCreate.safeParse(document);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String);
        const column = columnOf(path);
        if (reported.has(column)) continue;
        // Whatever is wrong with a column its empty cell cleared, it is that the field needs a value (modalities: at least one).
        const clearedHere = cleared.includes(column);
        const missing = clearedHere || (issue.code === 'invalid_type' && issue.input === undefined);
        const message = clearedHere ? `${column} is required and cannot be cleared; give it a value, or leave empty cells as they are (emptyCells=keep).` : `${column} is required.`;
        if (clearedHere) reported.add(column);
        report.errors.push({ row: row.row, column, code: missing ? 'required' : 'invalid', message: missing ? message : issue.message, value: fieldText(row.fields, column) });
      }
      return undefined;
    }
    try {
      checkLocation(parsed.data.location);
      checkIncentiveClaims({ ...parsed.data, kbliCodes: parsed.data.kbliCodes ?? [], incentives: parsed.data.incentives ?? [] } as Parameters<typeof checkIncentiveClaims>[0], this.rate);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      const column = columnOf((error.field ?? 'file').split('.'));
      report.errors.push({ row: row.row, column, code: error.code, message: error.message, value: fieldText(row.fields, column) });
      return undefined;
    }
    return parsed.data;
  }

  async #apply(trx: Transaction<Database>, plans: readonly Plan[], record: Parameters<Parameters<ChangeWriter['write']>[1]>[1]): Promise<void> {
    const creates = plans.filter((plan): plan is Extract<Plan, { kind: 'create' }> => plan.kind === 'create');
    const created = await insertOpportunitiesReturning(trx, creates.map((plan) => plan.input));
    created.forEach((opportunity, index) => {
      creates[index]!.report.opportunityId = opportunity.id;
      record({ entity: 'opportunity', entityId: opportunity.id, action: 'create', before: null, after: opportunity });
    });
    for (const plan of plans) {
      if (plan.kind !== 'update') continue;
      const updated = await updateOpportunity(trx, plan.current.id, plan.changes);
      record({ entity: 'opportunity', entityId: plan.current.id, action: 'update', before: plan.current, after: updated });
    }
  }
}

/** Lists a new row may leave empty; modalities needs at least one, so an empty cell there stays an error. */
const LIST_COLUMNS = COLUMNS.filter((column) => isList(column) && column.name !== 'modalities').map((column) => column.name);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function countsOf(rows: readonly RowReport[]) {
  const counts = { rows: 0, created: 0, updated: 0, unchanged: 0, errors: 0 };
  for (const row of rows) {
    if (row.row > 1) counts.rows += 1;
    if (row.action === 'create') counts.created += 1;
    else if (row.action === 'update') counts.updated += 1;
    else if (row.action === 'unchanged') counts.unchanged += 1;
    counts.errors += row.errors.length;
  }
  return counts;
}

