import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { IslandGroup, Modality, ProvinceCode, SectorCode, Technology, TransferDepth } from '../../domain/codes.ts';
import type { Certification, OwnershipIntent } from '../../domain/investment-facts.ts';
import type { Investor, InvestorInput } from '../../domain/investor.ts';
import type { Database, InvestorRow } from '../schema.ts';
import { afterNewestFirst, newestFirstCursor, toPage } from './cursor.ts';
import { nowMs, textArray } from './opportunities.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function toInvestor(row: InvestorRow): Investor {
  return {
    id: row.id,
    companyName: row.company_name,
    country: row.country,
    summary: row.summary as Investor['summary'],
    sectors: row.sectors as SectorCode[],
    technologies: row.technologies as Technology[],
    maxTransferDepth: row.max_transfer_depth as TransferDepth | null,
    modalities: row.modalities as Modality[],
    preferredProvinces: row.preferred_provinces as ProvinceCode[],
    preferredIslandGroups: row.preferred_island_groups as IslandGroup[],
    ticketUsd:
      row.ticket_min_usd !== null && row.ticket_max_usd !== null ? { min: row.ticket_min_usd, max: row.ticket_max_usd } : null,
    languages: row.languages,
    contact: row.contact,
    website: row.website,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ownershipIntent: row.ownership_intent as OwnershipIntent | null,
    certifications: row.certifications as Certification[],
    halalCapable: row.halal_capable,
    preferredRegencies: row.preferred_regencies,
  };
}

function toColumns(input: Partial<InvestorInput>) {
  return {
    ...(input.companyName !== undefined && { company_name: input.companyName }),
    ...(input.country !== undefined && { country: input.country }),
    ...(input.summary !== undefined && { summary: JSON.stringify(input.summary) }),
    ...(input.sectors !== undefined && { sectors: input.sectors }),
    ...(input.technologies !== undefined && { technologies: input.technologies }),
    ...(input.maxTransferDepth !== undefined && { max_transfer_depth: input.maxTransferDepth }),
    ...(input.modalities !== undefined && { modalities: input.modalities }),
    ...(input.preferredProvinces !== undefined && { preferred_provinces: input.preferredProvinces }),
    ...(input.preferredIslandGroups !== undefined && { preferred_island_groups: input.preferredIslandGroups }),
    ...(input.ticketUsd !== undefined && {
      ticket_min_usd: input.ticketUsd?.min ?? null,
      ticket_max_usd: input.ticketUsd?.max ?? null,
    }),
    ...(input.languages !== undefined && { languages: input.languages }),
    ...(input.contact !== undefined && { contact: JSON.stringify(input.contact) }),
    ...(input.website !== undefined && { website: input.website }),
    ...(input.ownershipIntent !== undefined && { ownership_intent: input.ownershipIntent }),
    ...(input.certifications !== undefined && { certifications: input.certifications }),
    ...(input.halalCapable !== undefined && { halal_capable: input.halalCapable }),
    ...(input.preferredRegencies !== undefined && { preferred_regencies: input.preferredRegencies }),
  };
}

/** `id` is for data with fixed ids (the demo); otherwise the database picks one. */
export async function insertInvestor(db: Db, input: InvestorInput, id?: string): Promise<Investor> {
  const columns = toColumns(input) as Required<ReturnType<typeof toColumns>>;
  const row = await db.insertInto('investors').values({ ...columns, ...(id && { id }) }).returningAll().executeTakeFirstOrThrow();
  return toInvestor(row);
}

/** Many rows in one statement, for seeding at scale. */
export async function insertInvestors(db: Db, inputs: readonly InvestorInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await db.insertInto('investors').values(inputs.map((input) => toColumns(input) as Required<ReturnType<typeof toColumns>>)).execute();
}

/** Finds a live (not deleted) profile. */
export async function findInvestor(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('investors').selectAll().where('id', '=', id).where('deleted_at', 'is', null);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toInvestor(row);
}

export async function updateInvestor(db: Db, id: string, changes: Partial<InvestorInput>): Promise<Investor> {
  const row = await db
    .updateTable('investors')
    .set({ ...toColumns(changes), version: sql`version + 1`, updated_at: nowMs })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInvestor(row);
}

/** Profiles are kept for the record; a deleted one disappears from the API and matching. */
export async function markInvestorDeleted(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('investors')
    .set({ deleted_at: nowMs, updated_at: nowMs, version: sql`version + 1` })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface InvestorFilter {
  ids?: readonly string[];
  countries?: readonly string[];
  sectors?: readonly SectorCode[];
  technologies?: readonly Technology[];
}

export async function searchInvestors(db: Db, filter: InvestorFilter, page: { limit: number; cursor?: string }) {
  let query = db.selectFrom('investors').selectAll().where('deleted_at', 'is', null);
  if (filter.ids) query = query.where(filter.ids.length ? sql<SqlBool>`id = any(${sql.val([...filter.ids])}::uuid[])` : sql<SqlBool>`false`);
  if (filter.countries?.length) query = query.where(sql<SqlBool>`country = any(${textArray(filter.countries)})`);
  if (filter.sectors?.length) query = query.where(sql<SqlBool>`sectors && ${textArray(filter.sectors)}`);
  if (filter.technologies?.length) query = query.where(sql<SqlBool>`technologies && ${textArray(filter.technologies)}`);
  if (page.cursor) query = query.where(afterNewestFirst(page.cursor));
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
  const { rows: pageRows, nextCursor } = toPage(rows, page.limit, newestFirstCursor);
  return { items: pageRows.map(toInvestor), nextCursor };
}

export async function listLiveInvestors(db: Db): Promise<Investor[]> {
  const rows = await db.selectFrom('investors').selectAll().where('deleted_at', 'is', null).execute();
  return rows.map(toInvestor);
}
