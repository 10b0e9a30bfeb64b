import type { Kysely, Transaction } from 'kysely';
import { seesUnpublished, type Actor } from '../domain/access.ts';
import type { IslandGroup, OpportunityStatus, ProvinceCode, SectorCode } from '../domain/codes.ts';
import type { ActionOf } from '../domain/events.ts';
import type { UsdIdrRate } from '../domain/investment-facts.ts';
import { incentiveClaimProblems } from '../domain/investment-rules.ts';
import { canTransition, isEditable, type Opportunity, type OpportunityInput } from '../domain/opportunity.ts';
import { versionSatisfies, type VersionCondition } from '../domain/versions.ts';
import {
  findOpportunitiesByKeys,
  findOpportunity,
  insertOpportunity,
  RELEVANCE,
  searchOpportunities,
  updateOpportunity,
  type OpportunityFilter,
  type TextSearch,
} from '../db/repositories/opportunities.ts';
import type { Database } from '../db/schema.ts';
import { PROVINCES } from '../reference/provinces.ts';
import { leavesOf } from '../reference/sectors.ts';
import { kekByCode } from '../reference/special-economic-zones.ts';
import type { OpportunitySearchQuery } from '../schemas/opportunities.ts';
import type { ChangeWriter } from './changes.ts';
import { analyseQuery, conceptsHit } from './search-text.ts';
import { badRequest, conflict, forbidden, notFound, preconditionFailed, unprocessable, withCursor } from './errors.ts';

/** Rows an export reads at a time: big enough to be few queries, small enough to stream. */
const EXPORT_PAGE = 500;

const ACTIONS: Record<OpportunityStatus, ActionOf<'opportunity'>> = { draft: 'create', published: 'publish', withdrawn: 'withdraw', closed: 'close' };

/** Publishing, editing and finding opportunities; the lifecycle rules live in the domain. */
export class OpportunityService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly changes: ChangeWriter,
    private readonly rate: UsdIdrRate,
    /** Searches read here: a replica when one is configured. Reads by id stay on the primary, so a caller sees its own writes. */
    private readonly reader: Kysely<Database> = db,
  ) {}

  async create(input: OpportunityInput, actor: Actor): Promise<Opportunity> {
    checkLocation(input.location);
    checkIncentiveClaims({ ...input, kbliCodes: input.kbliCodes ?? [], incentives: input.incentives ?? [] }, this.rate);
    return this.changes.write(actor, async (trx, record) => {
      await checkExternalRefFree(trx, input.externalRef);
      const created = await insertOpportunity(trx, input);
      record({ entity: 'opportunity', entityId: created.id, action: 'create', before: null, after: created });
      return created;
    });
  }

  /** What the caller may not see does not exist for them, so its existence does not leak. */
  async get(id: string, actor: Actor): Promise<Opportunity> {
    const found = await findOpportunity(this.db, id);
    if (!found || (found.status !== 'published' && !seesUnpublished(actor))) throw notFound('Opportunity', id);
    return found;
  }

  async update(id: string, changes: Partial<OpportunityInput>, actor: Actor, condition?: VersionCondition): Promise<Opportunity> {
    if (changes.location) checkLocation(changes.location);
    return this.changes.write(actor, async (trx, record) => {
      const current = await this.#lockForWrite(trx, id, condition);
      if (!isEditable(current.status)) {
        throw conflict('opportunity-not-editable', `Opportunity ${id} is ${current.status}; it can no longer be changed.`);
      }
      checkIncentiveClaims({ ...current, ...changes, kbliCodes: changes.kbliCodes ?? current.kbliCodes, incentives: changes.incentives ?? current.incentives }, this.rate);
      await checkExternalRefFree(trx, changes.externalRef, id);
      const updated = await updateOpportunity(trx, id, changes);
      record({ entity: 'opportunity', entityId: id, action: 'update', before: current, after: updated });
      return updated;
    });
  }

  async transition(id: string, to: OpportunityStatus, actor: Actor, condition?: VersionCondition): Promise<Opportunity> {
    return this.changes.write(actor, async (trx, record) => {
      const current = await this.#lockForWrite(trx, id, condition);
      if (!canTransition(current.status, to)) {
        throw conflict('illegal-transition', `Opportunity ${id} is ${current.status}; it cannot become ${to}.`);
      }
      const updated = await updateOpportunity(trx, id, { status: to });
      record({ entity: 'opportunity', entityId: id, action: ACTIONS[to], before: current, after: updated });
      return updated;
    });
  }

  /**
   * With `q`, results come best first unless another sort is asked for, and say which of the
   * concepts recognised in `q` each one is tagged with.
   */
  async search(query: OpportunitySearchQuery, actor: Actor) {
    if (!seesUnpublished(actor) && query.status?.some((status) => status !== 'published')) {
      throw forbidden('Only published opportunities are public; drafts, withdrawn and closed ones need a staff key.', 'status', 'querystring');
    }
    const sort = query.sort ?? (query.q ? RELEVANCE : '-createdAt');
    if (sort === RELEVANCE && !query.q) throw badRequest('relevance-needs-query', 'sort=relevance ranks by the text query; send q as well.', 'sort', 'querystring');
    const analysed = query.q ? analyseQuery(query.q) : undefined;
    const page = await withCursor(
      () => searchOpportunities(this.reader, toFilter(query, analysed?.search), { ...query, sort }),
      'The cursor is not valid for this sort; start again without a cursor.',
    );
    if (!analysed) return { ...page, recognised: undefined };
    return {
      items: page.items.map((item) => ({ ...item, matchedConcepts: conceptsHit(analysed.recognised, item) })),
      nextCursor: page.nextCursor,
      recognised: analysed.recognised,
    };
  }

  /**
   * Every opportunity the search finds, page after page, for an export. The first page is read
   * before this returns, so a query the search refuses fails here, before anything is streamed.
   */
  async searchAll(query: OpportunitySearchQuery, actor: Actor): Promise<AsyncIterable<Opportunity>> {
    const first = await this.search({ ...query, limit: EXPORT_PAGE }, actor);
    const next = (cursor: string) => this.search({ ...query, limit: EXPORT_PAGE, cursor }, actor);
    return (async function* () {
      let page: { items: Opportunity[]; nextCursor: string | null } = first;
      yield* page.items;
      while (page.nextCursor) {
        page = await next(page.nextCursor);
        yield* page.items;
      }
    })();
  }

  /**
   * The row lock makes the version check and the write one atomic step: of two writers that
   * read the same version, the second waits for the first and then finds the version moved.
   */
  async #lockForWrite(trx: Transaction<Database>, id: string, condition: VersionCondition | undefined): Promise<Opportunity> {
    const current = await findOpportunity(trx, id, { forUpdate: true });
    if (!current) throw notFound('Opportunity', id);
    if (!versionSatisfies(current.version, condition)) throw preconditionFailed('Opportunity', id, current.version);
    return current;
  }
}

function toFilter(query: OpportunitySearchQuery, text: TextSearch | undefined): OpportunityFilter {
  const provinces = intersect(query.province, query.islandGroup && provincesIn(query.islandGroup));
  return {
    statuses: query.status?.length ? query.status : ['published'],
    ...(query.sector?.length && { sectors: query.sector.flatMap((code: SectorCode) => leavesOf(code)) }),
    ...(provinces && { provinces }),
    ...(query.technology?.length && { technologies: query.technology }),
    ...(query.modality?.length && { modalities: query.modality }),
    ...(query.minUsd !== undefined && { minUsd: query.minUsd }),
    ...(query.maxUsd !== undefined && { maxUsd: query.maxUsd }),
    ...(text && { text }),
    ...(query.kbli?.length && { kbliCodes: query.kbli }),
    ...(query.landStatus?.length && { landStatuses: query.landStatus }),
    ...(query.incentive?.length && { incentives: query.incentive }),
  };
}

/** A claimed incentive whose verified rule cannot apply is refused, naming the claim. */
export function checkIncentiveClaims(project: Omit<Opportunity, 'id' | 'status' | 'version' | 'createdAt' | 'updatedAt' | 'publishedAt'>, rate: UsdIdrRate): void {
  const [problem] = incentiveClaimProblems({ ...project, specialEconomicZone: project.location.specialEconomicZone }, rate);
  if (problem) throw unprocessable('incentive-not-applicable', `Incentive ${project.incentives[problem.index]} cannot apply: ${problem.message}.`, `incentives.${problem.index}`);
}

/** An external reference names one opportunity; the unique index stays the last word for a race. */
async function checkExternalRefFree(trx: Transaction<Database>, externalRef: string | undefined, self?: string): Promise<void> {
  if (externalRef === undefined) return;
  const [holder] = await findOpportunitiesByKeys(trx, { externalRefs: [externalRef], ids: [] });
  if (holder && holder.id !== self) {
    throw conflict('external-ref-taken', `Opportunity ${holder.id} already has externalRef ${externalRef}; change that one, or choose another reference.`, {
      fields: ['externalRef'],
      members: { existingId: holder.id },
    });
  }
}

/** Both filters narrow the result, so a province must pass both. */
function intersect(a?: readonly ProvinceCode[], b?: readonly ProvinceCode[]): ProvinceCode[] | undefined {
  if (!a?.length) return b && [...b];
  if (!b) return [...a];
  return a.filter((code) => b.includes(code));
}

function provincesIn(groups: readonly IslandGroup[]): ProvinceCode[] {
  return PROVINCES.filter((province) => groups.includes(province.islandGroup)).map((province) => province.code);
}

export function checkLocation(location: OpportunityInput['location']): void {
  if (!location.specialEconomicZone) return;
  const zone = kekByCode.get(location.specialEconomicZone);
  if (!zone) {
    throw badRequest('unknown-special-economic-zone', `Unknown special economic zone; see /v1/special-economic-zones.`, 'location.specialEconomicZone');
  }
  if (zone.province !== location.province) {
    throw badRequest('zone-outside-province', `Special economic zone ${zone.code} lies in ${zone.province}, not ${location.province}.`, 'location.specialEconomicZone');
  }
}
