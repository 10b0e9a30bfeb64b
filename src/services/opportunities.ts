import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { SYSTEM_ACTOR, type Actor } from '../domain/access.ts';
import { maySee, seesUnpublished } from '../domain/access-policy.ts';
import type { IslandGroup, OpportunityStatus, ProvinceCode, SectorCode } from '../domain/codes.ts';
import type { ActionOf } from '../domain/events.ts';
import type { UsdIdrRate } from '../domain/investment-facts.ts';
import { incentiveClaimProblems } from '../domain/investment-rules.ts';
import { applyMergePatch } from '../domain/merge-patch.ts';
import { canTransition, isEditable, publication, writableFields, type Opportunity, type OpportunityInput, type OpportunityQuery, type ServiceOwned } from '../domain/opportunity.ts';
import { versionSatisfies, type VersionCondition } from '../domain/versions.ts';
import { insertReviewStep, lastSubmission, listReviewSteps, type ReviewAction, type ReviewStep } from '../db/repositories/opportunity-reviews.ts';
import {
  claimExpired,
  claimNewlyStale,
  findOpportunitiesByKeys,
  findOpportunity,
  insertOpportunity,
  markStaleReported,
  RELEVANCE,
  searchOpportunities,
  updateOpportunity,
  type OpportunityFilter,
  type WriteEffects,
  type TextSearch,
} from '../db/repositories/opportunities.ts';
import type { Database } from '../db/schema.ts';
import { PROVINCES } from '../domain/reference/provinces.ts';
import { leavesOf } from '../domain/reference/sectors.ts';
import { kekByCode } from '../domain/reference/special-economic-zones.ts';
import { OpportunityCreate } from '../schemas/opportunities.ts';
import type { ChangeWriter } from './changes.ts';
import { analyseQuery, conceptsHit } from './search-text.ts';
import { everyItem, EXPORT_PAGE } from './every-page.ts';
import { badRequest, conflict, forbidden, notFound, preconditionFailed, ServiceError, unprocessable, withCursor } from './errors.ts';

/** The event each move records; moving back to draft is only ever a reviewer asking for changes. */
const ACTIONS: Record<OpportunityStatus, ActionOf<'opportunity'>> = {
  draft: 'request-changes',
  in_review: 'submit',
  published: 'publish',
  withdrawn: 'withdraw',
  closed: 'close',
};

export interface ReviewSettings {
  /** Publishing needs a second staff key's approval (admins and the operator may skip it, on record). */
  required: boolean;
  /** Days from a verification until the opportunity is due for review again. */
  intervalDays: number;
}

/** How many due opportunities one sweep handles; a sweep that found work runs again at once. */
const SWEEP_BATCH = 100;

/** Publishing, editing and finding opportunities; the lifecycle rules live in the domain. */
export class OpportunityService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly changes: ChangeWriter,
    private readonly rate: UsdIdrRate,
    private readonly review: ReviewSettings,
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
    if (!found || !maySee(actor, { entity: 'opportunity', status: found.status })) throw notFound('Opportunity', id);
    return found;
  }

  /** Plain JSON: each field sent replaces that field whole. */
  async update(id: string, changes: Partial<OpportunityInput>, actor: Actor, condition?: VersionCondition): Promise<Opportunity> {
    if (changes.location) checkLocation(changes.location);
    return this.#edit(id, actor, condition, () => changes);
  }

  /**
   * JSON Merge Patch (RFC 7396) over the opportunity's writable fields; the merged document is
   * validated whole, so removing a required field is refused naming it, and every optional
   * field the merge removed is cleared in storage.
   */
  async mergePatch(id: string, patch: Record<string, unknown>, actor: Actor, condition?: VersionCondition): Promise<Opportunity> {
    return this.#edit(id, actor, condition, (current) => {
      const parsed = OpportunityCreate.safeParse(applyMergePatch(writableFields(current), patch));
      if (!parsed.success) throw invalidMerge(parsed.error);
      checkLocation(parsed.data.location);
      const cleared = Object.fromEntries(Object.keys(OpportunityCreate.shape).map((key) => [key, undefined]));
      return { ...cleared, kbliCodes: [], incentives: [], ...parsed.data };
    });
  }

  async #edit(id: string, actor: Actor, condition: VersionCondition | undefined, changesTo: (current: Opportunity) => Partial<OpportunityInput>): Promise<Opportunity> {
    return this.changes.write(actor, async (trx, record) => {
      const current = await this.#lockForWrite(trx, id, condition);
      if (current.status === 'in_review') {
        throw conflict('opportunity-in-review', `Opportunity ${id} is in review and cannot change; a reviewer publishes it or requests changes, which returns it to draft.`);
      }
      if (!isEditable(current.status)) {
        throw conflict('opportunity-not-editable', `Opportunity ${id} is ${current.status}; it can no longer be changed.`);
      }
      const changes = changesTo(current);
      checkIncentiveClaims({ ...current, ...changes, kbliCodes: changes.kbliCodes ?? current.kbliCodes, incentives: changes.incentives ?? current.incentives }, this.rate);
      await checkExternalRefFree(trx, changes.externalRef, id);
      const updated = await updateOpportunity(trx, id, changes);
      record({ entity: 'opportunity', entityId: id, action: 'update', before: current, after: updated });
      return updated;
    });
  }

  /**
   * Moves an opportunity through its lifecycle. Review steps (submit, request changes, publish)
   * are kept with the opportunity, and its audit entry carries the step with any comment.
   */
  async transition(id: string, to: OpportunityStatus, actor: Actor, condition?: VersionCondition, comment?: string): Promise<Opportunity> {
    return this.changes.write(actor, async (trx, record) => {
      const current = await this.#lockForWrite(trx, id, condition);
      if (!canTransition(current.status, to)) {
        throw conflict('illegal-transition', `Opportunity ${id} is ${current.status}; it cannot become ${to}.`);
      }
      if (to === 'draft' && current.status !== 'in_review') throw conflict('illegal-transition', `Opportunity ${id} is not in review.`);
      const effects: WriteEffects = { status: to };
      let step: ReviewAction | undefined = to === 'in_review' ? 'submit' : to === 'draft' ? 'request-changes' : undefined;
      if (to === 'published') {
        step = await this.#publication(trx, current, actor);
        effects.verifiedForDays = this.review.intervalDays;
      }
      const updated = await updateOpportunity(trx, id, effects);
      const review = step && (await insertReviewStep(trx, id, { action: step, version: current.version, comment: comment ?? null, actorKeyId: actor.keyId, actorRole: actor.role }));
      record({
        entity: 'opportunity',
        entityId: id,
        action: ACTIONS[to],
        before: current,
        after: review ? { ...updated, review } : updated,
        ...(comment && { data: { comment } }),
      });
      return updated;
    });
  }

  /** The review step a publication records, or why this caller may not publish. */
  async #publication(trx: Transaction<Database>, current: Opportunity, actor: Actor): Promise<ReviewAction | undefined> {
    const submittedBy = current.status === 'in_review' ? ((await lastSubmission(trx, current.id))?.actorKeyId ?? null) : null;
    const how = publication({ from: current.status, reviewRequired: this.review.required, actor, submittedBy });
    switch (how) {
      case 'review-required':
        throw conflict('review-required', `Opportunity ${current.id} needs review before publication: submit it (POST /v1/opportunities/${current.id}/submit) and have another staff key publish it.`);
      case 'four-eyes-required':
        throw new ServiceError(403, 'four-eyes-required', `You submitted opportunity ${current.id} for review; a different staff key must publish it.`);
      case 'reviewed':
        return 'publish';
      case 'without-review':
        return 'publish-without-review';
      case 'direct':
        return undefined;
    }
  }

  /** Staff confirm a published opportunity is still accurate: it is fresh again for the review interval. */
  async verify(id: string, actor: Actor, condition?: VersionCondition): Promise<Opportunity> {
    return this.changes.write(actor, async (trx, record) => {
      const current = await this.#lockForWrite(trx, id, condition);
      if (current.status !== 'published') throw conflict('opportunity-not-published', `Opportunity ${id} is ${current.status}; only published opportunities are verified.`);
      const updated = await updateOpportunity(trx, id, { verifiedForDays: this.review.intervalDays });
      record({ entity: 'opportunity', entityId: id, action: 'verify', before: current, after: updated });
      return updated;
    });
  }

  /** The review steps of an opportunity, oldest first (staff only, like drafts). */
  async reviews(id: string, actor: Actor): Promise<ReviewStep[]> {
    await this.get(id, actor);
    return listReviewSteps(this.db, id);
  }

  /**
   * Closes opportunities whose expiry has passed (`opportunity.closed`, reason `expired`) and
   * reports those past their review date once (`opportunity.stale`). Rows are claimed with
   * SKIP LOCKED, so of several instances sweeping at once only one handles each.
   */
  async sweepFreshness(now = new Date()): Promise<number> {
    return this.changes.write(SYSTEM_ACTOR, async (trx, record) => {
      const expired = await claimExpired(trx, now, SWEEP_BATCH);
      for (const opportunity of expired) {
        const closed = await updateOpportunity(trx, opportunity.id, { status: 'closed' });
        record({ entity: 'opportunity', entityId: opportunity.id, action: 'expire', before: opportunity, after: closed, data: { expiresAt: opportunity.expiresAt } });
      }
      const stale = await claimNewlyStale(trx, now, SWEEP_BATCH);
      for (const opportunity of stale) {
        const reported = await markStaleReported(trx, opportunity.id);
        record({
          entity: 'opportunity',
          entityId: opportunity.id,
          action: 'stale',
          before: opportunity,
          after: reported,
          data: { lastVerifiedAt: opportunity.lastVerifiedAt?.toISOString(), reviewDueAt: opportunity.reviewDueAt?.toISOString() },
        });
      }
      return expired.length + stale.length;
    });
  }

  /**
   * With `q`, results come best first unless another sort is asked for, and say which of the
   * concepts recognised in `q` each one is tagged with.
   */
  async search(query: OpportunityQuery, actor: Actor) {
    if (!seesUnpublished(actor) && query.statuses?.some((status) => status !== 'published')) {
      throw forbidden('Only published opportunities are public; drafts, withdrawn and closed ones need a staff key.', 'status', 'querystring');
    }
    const sort = query.sort ?? (query.text ? RELEVANCE : '-createdAt');
    if (sort === RELEVANCE && !query.text) throw badRequest('relevance-needs-query', 'sort=relevance ranks by the text query; send q as well.', 'sort', 'querystring');
    const analysed = query.text ? analyseQuery(query.text) : undefined;
    const page = await withCursor(
      () => searchOpportunities(this.reader, toFilter(query, analysed?.search), { limit: query.limit, ...(query.cursor && { cursor: query.cursor }), sort }),
      'The cursor is not valid for this sort; start again without a cursor.',
    );
    if (!analysed) return { ...page, recognised: undefined };
    return {
      items: page.items.map((item) => ({ ...item, matchedConcepts: conceptsHit(analysed.recognised, item) })),
      nextCursor: page.nextCursor,
      recognised: analysed.recognised,
    };
  }

  /** Every opportunity the search finds, page after page, for an export. */
  searchAll(query: OpportunityQuery, actor: Actor): Promise<AsyncIterable<Opportunity>> {
    return everyItem(
      (cursor) => this.search({ ...query, limit: EXPORT_PAGE, ...(cursor !== undefined && { cursor }) }, actor),
      (page) => page.items,
    );
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

function toFilter(query: OpportunityQuery, text: TextSearch | undefined): OpportunityFilter {
  const provinces = intersect(query.provinces, query.islandGroups && provincesIn(query.islandGroups));
  return {
    statuses: query.statuses?.length ? query.statuses : ['published'],
    ...(query.sectors?.length && { sectors: query.sectors.flatMap((code: SectorCode) => leavesOf(code)) }),
    ...(provinces && { provinces }),
    ...(query.technologies?.length && { technologies: query.technologies }),
    ...(query.modalities?.length && { modalities: query.modalities }),
    ...(query.minUsd !== undefined && { minUsd: query.minUsd }),
    ...(query.maxUsd !== undefined && { maxUsd: query.maxUsd }),
    ...(text && { text }),
    ...(query.kbliCodes?.length && { kbliCodes: query.kbliCodes }),
    ...(query.landStatuses?.length && { landStatuses: query.landStatuses }),
    ...(query.incentives?.length && { incentives: query.incentives }),
  };
}

/** A claimed incentive whose verified rule cannot apply is refused, naming the claim. */
export function checkIncentiveClaims(project: Omit<Opportunity, ServiceOwned>, rate: UsdIdrRate): void {
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

/** The merged document is not valid: a 400 naming each offending field, as request validation does. */
function invalidMerge(error: z.ZodError): ServiceError {
  const issues = error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => ({ field: [...issue.path, ...(key === undefined ? [] : [key])].join('.') || '(root)', message: key === undefined ? issue.message : 'unknown field' }));
  });
  const detail = `After merging the patch: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`;
  return new ServiceError(400, 'validation-failed', detail, issues[0]?.field, 'body', { fields: issues.slice(1).map((issue) => issue.field) });
}
