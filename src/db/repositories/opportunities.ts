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
import type { Incentive } from '../../domain/reference/incentives.ts';
import type { Database, OpportunityRow } from '../schema.ts';
import { InvalidCursorError, decodeCursor, toPage } from './cursor.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const nowMs = sql<Date>`date_trunc('milliseconds', now())`;

/** Every column but the search columns, which only the database reads. */
const COLUMNS = [
  'id', 'status', 'title', 'summary', 'sector', 'technologies', 'required_transfer_depth', 'modalities',
  'province', 'regency', 'special_economic_zone', 'investment_min_usd', 'investment_max_usd',
  'sponsor', 'contact', 'version', 'created_at', 'updated_at', 'published_at',
  'kbli_codes', 'regency_code', 'land', 'financials', 'licensing', 'incentives', 'tkdn_target_pct', 'halal',
  'local_government_contact', 'last_verified_at', 'review_due_at', 'expires_at', 'external_ref',
] as const;

export function toOpportunity(row: Omit<OpportunityRow, 'search' | 'search_cjk' | 'stale_reported_at'>): Opportunity {
  return {
    id: row.id,
    ...(row.external_ref !== null && { externalRef: row.external_ref }),
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
    lastVerifiedAt: row.last_verified_at,
    reviewDueAt: row.review_due_at,
    ...(row.expires_at && { expiresAt: row.expires_at.toISOString() }),
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
    ...('expiresAt' in input && { expires_at: input.expiresAt ?? null }),
    ...('externalRef' in input && { external_ref: input.externalRef ?? null }),
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
  text?: TextSearch;
  kbliCodes?: readonly string[];
  landStatuses?: readonly LandStatus[];
  incentives?: readonly Incentive[];
}

/** A text query, with what the service recognised in it (see src/services/search.ts). */
export interface TextSearch {
  text: string;
  /** The tags of each lexicon concept the query names. */
  concepts: readonly { sectors: readonly SectorLeaf[]; technologies: readonly Technology[] }[];
  /** Character bigrams of its Korean, Japanese and Chinese parts. */
  bigrams: readonly string[];
}

/** Sort by how well an opportunity answers the text query, best first. */
export const RELEVANCE = 'relevance';

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

/**
 * Many new rows, returned in the order given. Chunked: a statement carries at most about 30
 * parameters a row and PostgreSQL takes 65,535 parameters in one.
 */
export async function insertOpportunitiesReturning(db: Db, inputs: readonly OpportunityInput[]): Promise<Opportunity[]> {
  const created: Opportunity[] = [];
  for (let start = 0; start < inputs.length; start += INSERT_CHUNK) {
    const chunk = inputs.slice(start, start + INSERT_CHUNK).map((input) => toColumns(input) as Required<ReturnType<typeof toColumns>>);
    const rows = await db.insertInto('opportunities').values(chunk).returning(COLUMNS).execute();
    created.push(...rows.map(toOpportunity));
  }
  return created;
}
const INSERT_CHUNK = 1000;

/** The opportunities carrying these external references or ids, locked for update when asked. */
export async function findOpportunitiesByKeys(
  db: Db,
  keys: { externalRefs: readonly string[]; ids: readonly string[] },
  options: { forUpdate?: boolean } = {},
): Promise<Opportunity[]> {
  if (keys.externalRefs.length === 0 && keys.ids.length === 0) return [];
  let query = db
    .selectFrom('opportunities')
    .select(COLUMNS)
    .where(sql<SqlBool>`(external_ref = any(${textArray(keys.externalRefs)}) or id = any(${sql`${sql.val([...keys.ids])}::uuid[]`}))`);
  if (options.forUpdate) query = query.forUpdate();
  return (await query.execute()).map(toOpportunity);
}

export async function findOpportunity(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('opportunities').select(COLUMNS).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toOpportunity(row);
}

/** What a write does besides changing fields: a new status, and whether it verifies the content. */
export interface WriteEffects {
  status?: OpportunityStatus;
  /** Verified now: the review falls due this many days later, and a new stale report may follow then. */
  verifiedForDays?: number;
}

/** Writes the changed fields, bumps the version; publishedAt is set on the first publication. */
export async function updateOpportunity(db: Db, id: string, changes: Partial<OpportunityInput> & WriteEffects): Promise<Opportunity> {
  const row = await db
    .updateTable('opportunities')
    .set({
      ...toColumns(changes),
      ...(changes.status && { status: changes.status }),
      ...(changes.status === 'published' && { published_at: sql`coalesce(published_at, ${nowMs})` }),
      ...(changes.verifiedForDays !== undefined && {
        last_verified_at: nowMs,
        review_due_at: sql`${nowMs} + make_interval(days => ${changes.verifiedForDays})`,
        stale_reported_at: null,
      }),
      version: sql`version + 1`,
      updated_at: nowMs,
    })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toOpportunity(row);
}

/**
 * Published opportunities past their review date and not yet reported stale, claimed so that
 * of several instances only one reports each.
 */
export async function claimNewlyStale(trx: Transaction<Database>, now: Date, limit: number): Promise<Opportunity[]> {
  const rows = await trx
    .selectFrom('opportunities')
    .select(COLUMNS)
    .where('status', '=', 'published')
    .where('review_due_at', '<=', now)
    .where('stale_reported_at', 'is', null)
    .orderBy('review_due_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(toOpportunity);
}

/** Records the stale report; the version moves because what readers see (`stale`) changed. */
export async function markStaleReported(trx: Transaction<Database>, id: string): Promise<Opportunity> {
  const row = await trx
    .updateTable('opportunities')
    .set({ stale_reported_at: nowMs, version: sql`version + 1` })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toOpportunity(row);
}

/** Published opportunities whose expiry has passed, claimed like claimNewlyStale. */
export async function claimExpired(trx: Transaction<Database>, now: Date, limit: number): Promise<Opportunity[]> {
  const rows = await trx
    .selectFrom('opportunities')
    .select(COLUMNS)
    .where('status', '=', 'published')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(toOpportunity);
}

export async function searchOpportunities(db: Db, filter: OpportunityFilter, page: PageRequest) {
  if (page.sort === RELEVANCE && filter.text) return searchByRelevance(db, filter, filter.text, page);
  const descending = page.sort.startsWith('-');
  const sortKey = page.sort.replace(/^-/, '') as SortKey;
  const column = SORT_COLUMNS[sortKey];

  let query = filtered(db, filter);
  if (filter.text) query = query.where(matches(filter.text));

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

/** The published-or-given statuses and every structured filter. */
function filtered(db: Db, filter: OpportunityFilter) {
  let query = db.selectFrom('opportunities').select(COLUMNS).where('status', 'in', [...filter.statuses]);
  // An empty list matches nothing (SQL has no empty `in ()`).
  if (filter.sectors) query = query.where(filter.sectors.length ? sql<SqlBool>`sector = any(${textArray(filter.sectors)})` : sql<SqlBool>`false`);
  if (filter.provinces) query = query.where(filter.provinces.length ? sql<SqlBool>`province = any(${textArray(filter.provinces)})` : sql<SqlBool>`false`);
  if (filter.technologies) query = query.where(sql<SqlBool>`technologies && ${textArray(filter.technologies)}`);
  if (filter.modalities) query = query.where(sql<SqlBool>`modalities && ${textArray(filter.modalities)}`);
  if (filter.minUsd !== undefined) query = query.where('investment_max_usd', '>=', filter.minUsd);
  if (filter.maxUsd !== undefined) query = query.where('investment_min_usd', '<=', filter.maxUsd);
  if (filter.kbliCodes) query = query.where(sql<SqlBool>`kbli_codes && ${textArray(filter.kbliCodes)}`);
  if (filter.landStatuses) query = query.where(sql<SqlBool>`land->>'status' = any(${textArray(filter.landStatuses)})`);
  if (filter.incentives) query = query.where(sql<SqlBool>`incentives && ${textArray(filter.incentives)}`);
  return query;
}

/**
 * Relevance, documented in the README ("Search across languages"):
 *   2 × concepts hit + full-text rank + Korean/Japanese/Chinese text score
 * - a concept is hit when the opportunity carries its sector or one of its technologies, so
 *   a concept outweighs any wording: an opportunity tagged with what was asked comes first;
 * - the full-text rank is ts_rank_cd over the Indonesian and English vector, scaled to [0, 1);
 * - the CJK score is the larger of the share of the query's character bigrams found in the
 *   Korean, Japanese and Chinese texts and the trigram word similarity, both in [0, 1].
 * An opportunity matches when it hits a concept, matches the full text, or has at least
 * CJK_MATCH of the query's bigrams. Ties go to the higher id, so pages are stable.
 */
async function searchByRelevance(db: Db, filter: OpportunityFilter, text: TextSearch, page: PageRequest) {
  const scored = filtered(db, filter)
    .select(sql<number>`(2 * ${conceptHits(text)} + ${fullTextRank(text)} + ${cjkScore(text)})::float8`.as('relevance'))
    .where(matches(text));
  let query = db.selectFrom(scored.as('scored')).selectAll();
  if (page.cursor) {
    const cursor = decodeCursor(page.cursor);
    if (!cursor || cursor.sort !== RELEVANCE || typeof cursor.value !== 'number') throw new InvalidCursorError();
    query = query.where(sql<SqlBool>`(relevance, id) < (${cursor.value}::float8, ${cursor.id}::uuid)`);
  }
  const rows = await query.orderBy('relevance', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
  const { rows: pageRows, nextCursor } = toPage(rows, page.limit, (last) => ({ sort: RELEVANCE, value: Number(last.relevance), id: last.id }));
  return { items: pageRows.map(toOpportunity), nextCursor };
}

const CJK_MATCH = 0.5;

/** Trigram similarity only ranks: it is computed for the rows that match, not for every row. */
function matches(text: TextSearch) {
  return sql<SqlBool>`(${conceptHits(text)} > 0 or search @@ ${textQuery(text.text)} or ${bigramCoverage(text)} >= ${CJK_MATCH})`;
}

function conceptHits(text: TextSearch) {
  if (text.concepts.length === 0) return sql<number>`0`;
  const hits = text.concepts.map(
    (concept) => sql`((sector = any(${textArray(concept.sectors)})) or (technologies && ${textArray(concept.technologies)}))::int`,
  );
  return sql<number>`(${sql.join(hits, sql` + `)})`;
}

function fullTextRank(text: TextSearch) {
  return sql<number>`ts_rank_cd(search, ${textQuery(text.text)}, 32)::float8`;
}

/** The share of the query's CJK bigrams found in the Korean, Japanese and Chinese texts. */
function bigramCoverage(text: TextSearch) {
  if (text.bigrams.length === 0) return sql<number>`0::float8`;
  const found = text.bigrams.map((bigram) => sql`(strpos(search_cjk, ${bigram}) > 0)::int`);
  return sql<number>`((${sql.join(found, sql` + `)})::float8 / ${text.bigrams.length})`;
}

function cjkScore(text: TextSearch) {
  if (text.bigrams.length === 0) return sql<number>`0::float8`;
  return sql<number>`greatest(${bigramCoverage(text)}, extensions.word_similarity(lower(${text.text}), search_cjk)::float8)`;
}

/** Every published opportunity, in the compact form matching needs. */
export async function listPublishedOpportunities(db: Db): Promise<Opportunity[]> {
  const rows = await db.selectFrom('opportunities').select(COLUMNS).where('status', '=', 'published').execute();
  return rows.map(toOpportunity);
}

export const textArray = (values: readonly string[]): Expression<string[]> => sql<string[]>`${sql.val([...values])}::text[]`;

/**
 * The query, accents folded, in both languages' stemming and unstemmed (names), any of which
 * may match. A sub-select, so it is computed once per statement: unaccent is only stable, and
 * inline it would be evaluated again for every row.
 */
function textQuery(text: string) {
  const folded = sql`extensions.unaccent(${text})`;
  return sql`(select websearch_to_tsquery('english', ${folded}) || websearch_to_tsquery('indonesian', ${folded}) || websearch_to_tsquery('simple', ${folded}))`;
}
