import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type {
  Modality,
  OpportunityStatus,
  ProvinceCode,
  SectorLeaf,
  Technology,
  TransferDepth,
} from '../../domain/codes.ts';
import type { LandStatus } from '../../domain/investment-facts.ts';
import type { Opportunity, OpportunityInput } from '../../domain/opportunity.ts';
import type { Incentive } from '../../reference/incentives.ts';
import type { Database, OpportunityRow } from '../schema.ts';
import { InvalidCursorError, decodeCursor, toPage } from './cursor.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const nowMs = sql<Date>`date_trunc('milliseconds', now())`;

/** Every column but the search vector, which only the database reads. */
const COLUMNS = [
  'id', 'status', 'title', 'summary', 'sector', 'technologies', 'required_transfer_depth', 'modalities',
  'province', 'regency', 'special_economic_zone', 'investment_min_usd', 'investment_max_usd',
  'sponsor', 'contact', 'version', 'created_at', 'updated_at', 'published_at',
  'kbli_codes', 'regency_code', 'land', 'financials', 'licensing', 'incentives', 'tkdn_target_pct', 'halal',
  'local_government_contact',
] as const;

export function toOpportunity(row: Omit<OpportunityRow, 'search'>): Opportunity {
  return {
    id: row.id,
    status: row.status as OpportunityStatus,
    title: row.title,
    summary: row.summary,
    sector: row.sector as SectorLeaf,
    technologies: row.technologies as Technology[],
    requiredTransferDepth: row.required_transfer_depth as TransferDepth,
    modalities: row.modalities as Modality[],
    location: {
      province: row.province as ProvinceCode,
      ...(row.regency ? { regency: row.regency } : {}),
      ...(row.regency_code ? { regencyCode: row.regency_code } : {}),
      ...(row.special_economic_zone ? { specialEconomicZone: row.special_economic_zone } : {}),
    },
    investmentUsd: { min: row.investment_min_usd, max: row.investment_max_usd },
    sponsor: row.sponsor,
    contact: row.contact,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    kbliCodes: row.kbli_codes,
    incentives: row.incentives as Incentive[],
    ...(row.land && { land: row.land }),
    ...(row.financials && { financials: row.financials }),
    ...(row.licensing && { licensing: row.licensing }),
    ...(row.tkdn_target_pct !== null && { tkdnTargetPct: row.tkdn_target_pct }),
    ...(row.halal && { halal: row.halal }),
    ...(row.local_government_contact && { localGovernmentContact: row.local_government_contact }),
  };
}

const json = (value: object | undefined) => (value === undefined ? null : JSON.stringify(value));

function toColumns(input: Partial<OpportunityInput>) {
  return {
    ...(input.title && { title: JSON.stringify(input.title) }),
    ...(input.summary && { summary: JSON.stringify(input.summary) }),
    ...(input.sector && { sector: input.sector }),
    ...(input.technologies && { technologies: input.technologies }),
    ...(input.requiredTransferDepth && { required_transfer_depth: input.requiredTransferDepth }),
    ...(input.modalities && { modalities: input.modalities }),
    ...(input.location && {
      province: input.location.province,
      regency: input.location.regency ?? null,
      regency_code: input.location.regencyCode ?? null,
      special_economic_zone: input.location.specialEconomicZone ?? null,
    }),
    ...(input.investmentUsd && {
      investment_min_usd: input.investmentUsd.min,
      investment_max_usd: input.investmentUsd.max,
    }),
    ...(input.sponsor && { sponsor: JSON.stringify(input.sponsor) }),
    ...(input.contact && { contact: JSON.stringify(input.contact) }),
    ...(input.kbliCodes && { kbli_codes: input.kbliCodes }),
    ...(input.incentives && { incentives: input.incentives }),
    ...('land' in input && { land: json(input.land) }),
    ...('financials' in input && { financials: json(input.financials) }),
    ...('licensing' in input && { licensing: json(input.licensing) }),
    ...('tkdnTargetPct' in input && { tkdn_target_pct: input.tkdnTargetPct ?? null }),
    ...('halal' in input && { halal: json(input.halal) }),
    ...('localGovernmentContact' in input && { local_government_contact: json(input.localGovernmentContact) }),
  };
}

const SORT_COLUMNS = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  investmentMin: 'investment_min_usd',
  investmentMax: 'investment_max_usd',
} as const;
type SortKey = keyof typeof SORT_COLUMNS;

export interface OpportunityFilter {
  statuses: readonly OpportunityStatus[];
  sectors?: readonly SectorLeaf[];
  provinces?: readonly ProvinceCode[];
  technologies?: readonly Technology[];
  modalities?: readonly Modality[];
  minUsd?: number;
  maxUsd?: number;
  text?: string;
  kbliCodes?: readonly string[];
  landStatuses?: readonly LandStatus[];
  incentives?: readonly Incentive[];
}

export interface PageRequest {
  /** A sort key, descending when prefixed with "-". */
  sort: string;
  limit: number;
  cursor?: string;
}

/** `id` is for data with fixed ids (the demo); otherwise the database picks one. */
export async function insertOpportunity(db: Db, input: OpportunityInput, id?: string): Promise<Opportunity> {
  const columns = toColumns(input) as Required<ReturnType<typeof toColumns>>;
  const row = await db.insertInto('opportunities').values({ ...columns, ...(id && { id }) }).returning(COLUMNS).executeTakeFirstOrThrow();
  return toOpportunity(row);
}

/** Many rows in one statement, for seeding at scale; they start in the given status. */
export async function insertOpportunities(db: Db, inputs: readonly OpportunityInput[], status: OpportunityStatus): Promise<void> {
  if (inputs.length === 0) return;
  const published = status === 'draft' ? {} : { published_at: nowMs };
  await db
    .insertInto('opportunities')
    .values(inputs.map((input) => ({ ...(toColumns(input) as Required<ReturnType<typeof toColumns>>), status, ...published })))
    .execute();
}

export async function findOpportunity(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('opportunities').select(COLUMNS).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toOpportunity(row);
}

/** Writes the changed fields, bumps the version; publishedAt is set on the first publication. */
export async function updateOpportunity(
  db: Db,
  id: string,
  changes: Partial<OpportunityInput> & { status?: OpportunityStatus },
): Promise<Opportunity> {
  const row = await db
    .updateTable('opportunities')
    .set({
      ...toColumns(changes),
      ...(changes.status && { status: changes.status }),
      ...(changes.status === 'published' && { published_at: sql`coalesce(published_at, ${nowMs})` }),
      version: sql`version + 1`,
      updated_at: nowMs,
    })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toOpportunity(row);
}

export async function searchOpportunities(db: Db, filter: OpportunityFilter, page: PageRequest) {
  const descending = page.sort.startsWith('-');
  const sortKey = page.sort.replace(/^-/, '') as SortKey;
  const column = SORT_COLUMNS[sortKey];

  let query = db.selectFrom('opportunities').select(COLUMNS).where('status', 'in', [...filter.statuses]);
  // An empty list matches nothing (SQL has no empty `in ()`).
  if (filter.sectors) query = query.where(filter.sectors.length ? sql<SqlBool>`sector = any(${textArray(filter.sectors)})` : sql<SqlBool>`false`);
  if (filter.provinces) query = query.where(filter.provinces.length ? sql<SqlBool>`province = any(${textArray(filter.provinces)})` : sql<SqlBool>`false`);
  if (filter.technologies) query = query.where(sql<SqlBool>`technologies && ${textArray(filter.technologies)}`);
  if (filter.modalities) query = query.where(sql<SqlBool>`modalities && ${textArray(filter.modalities)}`);
  if (filter.minUsd !== undefined) query = query.where('investment_max_usd', '>=', filter.minUsd);
  if (filter.maxUsd !== undefined) query = query.where('investment_min_usd', '<=', filter.maxUsd);
  if (filter.text) query = query.where(sql<SqlBool>`search @@ ${textQuery(filter.text)}`);
  if (filter.kbliCodes) query = query.where(sql<SqlBool>`kbli_codes && ${textArray(filter.kbliCodes)}`);
  if (filter.landStatuses) query = query.where(sql<SqlBool>`land->>'status' = any(${textArray(filter.landStatuses)})`);
  if (filter.incentives) query = query.where(sql<SqlBool>`incentives && ${textArray(filter.incentives)}`);

  if (page.cursor) {
    const cursor = decodeCursor(page.cursor);
    if (!cursor || cursor.sort !== page.sort) throw new InvalidCursorError();
    const value = column.endsWith('_at') ? new Date(String(cursor.value)) : Number(cursor.value);
    if (value instanceof Date ? Number.isNaN(value.getTime()) : !Number.isFinite(value)) throw new InvalidCursorError();
    const comparison = descending ? sql.raw('<') : sql.raw('>');
    query = query.where(sql<SqlBool>`(${sql.ref(column)}, id) ${comparison} (${value}, ${cursor.id})`);
  }

  const direction = descending ? 'desc' : 'asc';
  const rows = await query.orderBy(column, direction).orderBy('id', direction).limit(page.limit + 1).execute();
  const { rows: pageRows, nextCursor } = toPage(rows, page.limit, (last) => {
    const value = last[column];
    return { sort: page.sort, value: value instanceof Date ? value.toISOString() : Number(value), id: last.id };
  });
  return { items: pageRows.map(toOpportunity), nextCursor };
}

/** Every published opportunity, in the compact form matching needs. */
export async function listPublishedOpportunities(db: Db): Promise<Opportunity[]> {
  const rows = await db.selectFrom('opportunities').select(COLUMNS).where('status', '=', 'published').execute();
  return rows.map(toOpportunity);
}

export const textArray = (values: readonly string[]): Expression<string[]> => sql<string[]>`${sql.val([...values])}::text[]`;

/** The query in both languages' stemming and unstemmed (names), any of which may match. */
function textQuery(text: string) {
  return sql`(websearch_to_tsquery('english', ${text}) || websearch_to_tsquery('indonesian', ${text}) || websearch_to_tsquery('simple', ${text}))`;
}
