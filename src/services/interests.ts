import type { Kysely, Transaction } from 'kysely';
import { SYSTEM_ACTOR, actsForBkpm, type Actor } from '../domain/access.ts';
import { NO_INVESTOR_ID, investorScope, maySee } from '../domain/access-policy.ts';
import type { Modality } from '../domain/codes.ts';
import {
  EXPIRY_WARNING_MS,
  allowedMoves,
  respondBy,
  responseWindowMs,
  unmetRequirements,
  type DeclineReason,
  type Interest,
  type InterestFigures,
  type InterestQuery,
  type InterestStage,
  type InterestTransition,
  type NoteVisibility,
} from '../domain/interests.ts';
import { eligibilityOf } from '../domain/eligibility.ts';
import type { Contact } from '../domain/opportunity.ts';
import { versionSatisfies, type VersionCondition } from '../domain/versions.ts';
import { scrubSnapshotField, type StoredEvent } from '../db/repositories/events.ts';
import {
  claimUnanswered,
  eraseInterestContact,
  findInterest,
  findOpenInterest,
  historiesOf,
  insertInterest,
  insertTransition,
  lockOpenInterestsOf,
  markExpiryWarned,
  searchInterests,
  updateInterest,
} from '../db/repositories/interests.ts';
import { findInvestor } from '../db/repositories/investors.ts';
import { findOpportunity } from '../db/repositories/opportunities.ts';
import type { Database } from '../db/schema.ts';
import type { ChangeWriter, RecordChange } from './changes.ts';
import type { EventReaction } from './outbox.ts';
import { ServiceError, badRequest, conflict, forbidden, notFound, preconditionFailed, withCursor } from './errors.ts';

export interface InterestRequest {
  opportunityId: string;
  investorId?: string | undefined;
  message: string;
  modalities: Modality[];
  contact: Contact;
}

export interface TransitionRequest extends Partial<InterestFigures> {
  to: InterestStage;
  note?: string | undefined;
  noteVisibility?: NoteVisibility | undefined;
  reason?: DeclineReason | undefined;
}

export interface InterestWithHistory {
  interest: Interest;
  history: InterestTransition[];
}

const BATCH = 100;

/** Expressions of interest and their way through BKPM's pipeline. Confidential: staff and the investor only. */
export class InterestService implements EventReaction {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly changes: ChangeWriter,
    readonly responseDays: number,
  ) {}

  async create(request: InterestRequest, actor: Actor): Promise<InterestWithHistory> {
    const investorId = this.#investorFor(request, actor);
    const opportunity = await findOpportunity(this.db, request.opportunityId);
    if (!opportunity || !maySee(actor, { entity: 'opportunity', status: opportunity.status })) throw notFound('Opportunity', request.opportunityId);
    if (opportunity.status !== 'published') {
      throw new ServiceError(409, 'opportunity-not-published', `Opportunity ${opportunity.id} is ${opportunity.status}; interest is filed in published opportunities only.`, 'opportunityId');
    }
    const investor = await findInvestor(this.db, investorId);
    if (!investor) throw badRequest('unknown-investor', `Investor ${investorId} does not exist.`, 'investorId');
    const eligibility = eligibilityOf(investor, opportunity);
    if (!eligibility.eligible) {
      const caps = eligibility.reasons.map((reason) => `KBLI ${reason.kbli} allows ${reason.capPct} % foreign ownership (${reason.source})`).join('; ');
      throw new ServiceError(409, 'not-eligible', `This investor cannot legally take opportunity ${opportunity.id}: ${caps}.`, 'opportunityId');
    }
    try {
      return await this.changes.write(actor, async (trx, record) => {
        const existing = await findOpenInterest(trx, request.opportunityId, investorId);
        if (existing) throw interestExists(existing.id);
        const created = await insertInterest(trx, { ...request, investorId });
        await insertTransition(trx, transitionBy(actor, created.id, null, 'submitted', {}));
        record({ entity: 'interest', entityId: created.id, action: 'create', before: null, after: created });
        return this.#withHistory(trx, created);
      });
    } catch (error) {
      // Two requests raced past the check and the unique index kept one: name the one that won.
      const winner = isUniqueViolation(error) && (await findOpenInterest(this.db, request.opportunityId, investorId));
      throw winner ? interestExists(winner.id) : error;
    }
  }

  async get(id: string, actor: Actor): Promise<InterestWithHistory> {
    const interest = await findInterest(this.db, id);
    if (!interest || !maySee(actor, { entity: 'interest', investorId: interest.investorId })) throw notFound('Interest', id);
    return this.#withHistory(this.db, interest);
  }

  async search(filter: InterestQuery, page: { limit: number; cursor?: string | undefined }, actor: Actor) {
    const scope = investorScope(actor);
    const scoped = scope === 'all' ? filter : { ...filter, investorId: scope === 'none' ? NO_INVESTOR_ID : scope.only };
    const found = await withCursor(() => searchInterests(this.db, scoped, page));
    const histories = await historiesOf(this.db, found.items.map((item) => item.id));
    return { items: found.items.map((interest) => ({ interest, history: histories.get(interest.id) ?? [] })), nextCursor: found.nextCursor };
  }

  async transition(id: string, request: TransitionRequest, actor: Actor, condition?: VersionCondition): Promise<InterestWithHistory> {
    return this.changes.write(actor, async (trx, record) => {
      const current = await this.#lockVisible(trx, id, actor, condition);
      const mover = actsForBkpm(actor) ? 'staff' : 'investor';
      const allowed = allowedMoves(current.stage, mover);
      if (mover === 'investor' && request.to !== 'withdrawn') {
        throw forbidden('An investor may only withdraw its own interest; BKPM staff move it through the pipeline.', 'to');
      }
      if (!allowed.includes(request.to)) {
        throw conflict(
          'invalid-transition',
          `An interest at ${current.stage} cannot move to ${request.to}; ${allowed.length ? `allowed: ${allowed.join(', ')}` : 'it is final'}.`,
          { fields: ['to'], members: { allowed } },
        );
      }
      if (request.to === 'declined' && !request.reason) throw badRequest('reason-required', 'Declining needs a reason.', 'reason');
      const figures = figuresOf(request);
      if (mover === 'investor' && Object.keys(figures).length) {
        throw forbidden('Only BKPM staff record the expected investment, jobs and dates.', Object.keys(figures)[0]);
      }
      const unmet = unmetRequirements({ ...current, ...figures }, request.to);
      if (unmet.length) {
        throw conflict('stage-requirements-unmet', `Moving to ${request.to} needs ${unmet.join(', ')}; send them with the move or set them first.`, { fields: unmet });
      }
      return this.#move(trx, record, actor, current, request.to, {
        figures,
        note: request.note ?? null,
        noteVisibility: request.noteVisibility ?? 'internal',
        reason: request.to === 'declined' ? (request.reason ?? null) : null,
      });
    });
  }

  /** Staff set the figures outside a move; merge semantics: fields left out stay. */
  async update(id: string, figures: Partial<InterestFigures>, actor: Actor, condition?: VersionCondition): Promise<InterestWithHistory> {
    return this.changes.write(actor, async (trx, record) => {
      const current = await this.#lockVisible(trx, id, actor, condition);
      const updated = await updateInterest(trx, id, figures);
      record({ entity: 'interest', entityId: id, action: 'update', before: current, after: updated });
      return this.#withHistory(trx, updated);
    });
  }

  /** The person's contact details go, from the interest and from every recorded snapshot of it. */
  async eraseContact(id: string, actor: Actor): Promise<InterestWithHistory> {
    return this.changes.write(actor, async (trx, record) => {
      const current = await this.#lockVisible(trx, id, actor, undefined);
      if (!current.contact) return this.#withHistory(trx, current);
      const erased = await eraseInterestContact(trx, id);
      await scrubSnapshotField(trx, 'interest', id, 'contact');
      const { contact: _before, ...before } = current;
      const { contact: _after, ...after } = erased;
      record({ entity: 'interest', entityId: id, action: 'erase-contact', before, after });
      return this.#withHistory(trx, erased);
    });
  }

  /** Outbox reaction: an opportunity that is withdrawn or closed declines its open interests. */
  async react(trx: Transaction<Database>, record: RecordChange, event: StoredEvent): Promise<void> {
    if (event.type !== 'opportunity.withdrawn' && event.type !== 'opportunity.closed') return;
    for (const interest of await lockOpenInterestsOf(trx, event.entityId)) {
      await this.#move(trx, record, SYSTEM_ACTOR, interest, 'declined', { reason: 'opportunity-unavailable', note: null, noteVisibility: 'internal' });
    }
  }

  /**
   * Warns of, then expires, interests nobody answered within the response time. Claimed rows
   * are skipped by other instances, so each warning and expiry happens once.
   */
  async expireUnanswered(now = new Date()): Promise<number> {
    const days = this.responseDays;
    return this.changes.write(SYSTEM_ACTOR, async (trx, record) => {
      const due = await claimUnanswered(trx, new Date(now.getTime() - responseWindowMs(days)), { unwarned: false, limit: BATCH });
      for (const interest of due) {
        await this.#move(trx, record, SYSTEM_ACTOR, interest, 'expired', { note: null, noteVisibility: 'internal', reason: null }, 'expire');
      }
      const warnFrom = new Date(now.getTime() - responseWindowMs(days) + EXPIRY_WARNING_MS);
      const warn = await claimUnanswered(trx, warnFrom, { unwarned: true, limit: BATCH });
      for (const interest of warn) {
        const warned = await markExpiryWarned(trx, interest.id);
        record({ entity: 'interest', entityId: interest.id, action: 'warn', before: interest, after: warned, data: { expiresAt: respondBy(interest.createdAt, days).toISOString() } });
      }
      return due.length + warn.length;
    });
  }

  async #move(
    trx: Transaction<Database>,
    record: RecordChange,
    actor: Actor,
    current: Interest,
    to: InterestStage,
    move: { figures?: Partial<InterestFigures>; note: string | null; noteVisibility: NoteVisibility; reason: DeclineReason | null },
    action: 'transition' | 'expire' = 'transition',
  ): Promise<InterestWithHistory> {
    const updated = await updateInterest(trx, current.id, { ...move.figures, stage: to, declineReason: move.reason });
    await insertTransition(trx, transitionBy(actor, current.id, current.stage, to, move));
    record({ entity: 'interest', entityId: current.id, action, before: current, after: updated, data: move.reason ? { reason: move.reason } : {} });
    return this.#withHistory(trx, updated);
  }

  #investorFor(request: InterestRequest, actor: Actor): string {
    if (actsForBkpm(actor)) {
      if (!request.investorId) throw badRequest('investor-required', 'Staff file interest on behalf of an investor: send its investorId.', 'investorId');
      return request.investorId;
    }
    if (request.investorId && request.investorId !== actor.investorId) {
      throw forbidden('An investor key files interest for its own profile only.', 'investorId');
    }
    return actor.investorId!;
  }

  async #lockVisible(trx: Transaction<Database>, id: string, actor: Actor, condition: VersionCondition | undefined): Promise<Interest> {
    const current = await findInterest(trx, id, { forUpdate: true });
    if (!current || !maySee(actor, { entity: 'interest', investorId: current.investorId })) throw notFound('Interest', id);
    if (!versionSatisfies(current.version, condition)) throw preconditionFailed('Interest', id, current.version);
    return current;
  }

  async #withHistory(db: Kysely<Database> | Transaction<Database>, interest: Interest): Promise<InterestWithHistory> {
    return { interest, history: (await historiesOf(db, [interest.id])).get(interest.id) ?? [] };
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505';

const interestExists = (existingId: string) =>
  conflict('interest-exists', `This investor already has an open interest in this opportunity: ${existingId}.`, { fields: ['opportunityId'], members: { existingId } });

function figuresOf(request: Partial<InterestFigures>): Partial<InterestFigures> {
  const { expectedInvestmentUsd, expectedForeignSharePct, expectedJobs, likelihood, expectedGroundbreakingAt, groundbreakingAt } = request;
  return Object.fromEntries(
    Object.entries({ expectedInvestmentUsd, expectedForeignSharePct, expectedJobs, likelihood, expectedGroundbreakingAt, groundbreakingAt }).filter(([, value]) => value !== undefined),
  );
}

function transitionBy(
  actor: Actor,
  interestId: string,
  from: InterestStage | null,
  to: InterestStage,
  move: { note?: string | null; noteVisibility?: NoteVisibility; reason?: DeclineReason | null },
) {
  return {
    interestId,
    from,
    to,
    actorKeyId: actor.keyId,
    actorRole: actor.role,
    note: move.note ?? null,
    noteVisibility: move.noteVisibility ?? 'internal',
    reason: move.reason ?? null,
  };
}
