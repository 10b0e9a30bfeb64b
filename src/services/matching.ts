import { createHash } from 'node:crypto';
import type { ProvinceCode, SectorCode, UiLanguage, IslandGroup } from '../domain/codes.ts';
import type { Actor } from '../domain/access.ts';
import { maySee } from '../domain/access-policy.ts';
import type { Investor } from '../domain/investor.ts';
import { isStale, type Opportunity } from '../domain/opportunity.ts';
import { pickText, type LocalizedText } from '../domain/text.ts';
import { explainPairScore, type ExplainedPairScore, type NameLookup } from '../domain/matching/explain.ts';
import {
  OpportunityIndex,
  compileInvestor,
  investorPlaceInRanking,
  pageChanges,
  placeInRanking,
  rankInvestors,
  type CompiledInvestor,
  type InvestorRankOptions,
  type OpportunityRankOptions,
  type RankCursor,
  type RankedMatch,
} from '../domain/matching/index.ts';
import { ineffectiveWeightFields, STALE_SCORE_FACTOR, validateWeights } from '../domain/matching/model.ts';
import { openFactorsOf } from '../domain/matching/factors.ts';
import type { MatchingReference } from '../domain/matching/reference.ts';
import { scorePair, scorePrepared } from '../domain/matching/score.ts';
import type { Factor, MatchableInvestor, MatchableOpportunity, RegencyPoint, Weights } from '../domain/matching/types.ts';
import { eligibilityOf, isEligible, type EligibilityInvestor } from '../domain/eligibility.ts';
import type { UsdIdrRate } from '../domain/investment-facts.ts';
import { renderEligibilityReason, renderRuleBadge, ruleBadgesFor, type BadgeInvestor, type BadgeOpportunity } from '../domain/rule-badges.ts';
import { regencyByCode } from '../domain/reference/regencies.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { decodeCursor, encodeCursor } from '../db/repositories/cursor.ts';
import { findInvestor, listLiveInvestors } from '../db/repositories/investors.ts';
import { findOpportunity, listPublishedOpportunities } from '../db/repositories/opportunities.ts';
import type { ChangeSubscriber } from './change-feed.ts';
import { RELOAD, type Change } from './changes.ts';
import { ServiceError, badRequest, notFound } from './errors.ts';
import { PageCache, decodedPage, encodedPage } from './page-cache.ts';
import { matchCandidates, matchDuration, matchPageCacheRequests, type MatchDirection } from '../observability/metrics.ts';

/** The two log levels the index reports at; Fastify's logger is one. */
export interface MatchingLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** What a match shows of an opportunity, kept beside the index so a page needs no query. */
interface OpportunityCard {
  title: LocalizedText;
  sponsorName: string;
  version: number;
  /** What the regulatory badges read. */
  facts: BadgeOpportunity;
}

interface InvestorEntry {
  matchable: MatchableInvestor;
  companyName: string;
  version: number;
  /**
   * Compiled for ranking at the default weights on first use; a changed investor gets a new
   * entry, so this never outlives the profile it was compiled from.
   */
  compiled?: CompiledInvestor;
  halalCapable: boolean | null;
}

export interface MatchQuery {
  limit: number;
  cursor?: string;
  minScore?: number;
  weights?: Partial<Weights>;
  /** Show pairs that cannot legally happen too, marked so; left out by default. */
  includeIneligible?: boolean;
}

export interface OpportunityMatchQuery extends MatchQuery {
  sectors?: readonly SectorCode[];
  provinces?: readonly ProvinceCode[];
  islandGroups?: readonly IslandGroup[];
}

export interface InvestorMatchQuery extends MatchQuery {
  countries?: readonly string[];
}

export interface MatchPage<T> {
  /** The weights asked for (defaults filled in); each match shows the weights it applied. */
  requestedWeights: Weights;
  data: (ExplainedPairScore & T)[];
  nextCursor: string | null;
}
const MATCH_PAGE_FIELDS = ['requestedWeights', 'data', 'nextCursor'] as const;

/**
 * What a cached page was computed from: the one profile it ranks for, and the ranking it was
 * cut from with how it was asked for. A change to that profile alters the page; a change to
 * anything ranked alters it only by leaving the page or by taking a place on it (pageChanges).
 */
type PageScope =
  | {
      direction: 'opportunity';
      opportunity: MatchableOpportunity;
      weights: Weights;
      options: Omit<InvestorRankOptions, 'limit'>;
      ranked: RankedMatch[];
      limit: number;
    }
  | {
      direction: 'investor';
      /** Null for an inline profile, which no stored investor's change touches. */
      investorId: string | null;
      compiled: CompiledInvestor;
      options: Omit<OpportunityRankOptions, 'limit'>;
      ranked: RankedMatch[];
      limit: number;
    };

interface ComputedPage<T> {
  page: MatchPage<T>;
  scope: PageScope;
}

const toMatchableOpportunity = (o: Opportunity): MatchableOpportunity => {
  const regency = o.location.regencyCode ? regencyPoint(o.location.regencyCode) : undefined;
  return {
    id: o.id,
    sector: o.sector,
    technologies: o.technologies,
    requiredTransferDepth: o.requiredTransferDepth,
    modalities: o.modalities,
    province: o.location.province,
    investmentUsd: o.investmentUsd,
    kbliCodes: o.kbliCodes,
    ...(regency && { regency }),
    // As of loading: the stale report (or a verification) reloads it, so the index follows.
    ...(isStale(o, new Date()) && { freshness: { factor: STALE_SCORE_FACTOR, lastVerifiedAt: (o.lastVerifiedAt ?? o.reviewDueAt!).toISOString() } }),
  };
};

export const toMatchableInvestor = (i: Omit<Investor, 'createdAt' | 'updatedAt' | 'version'>): MatchableInvestor => ({
  id: i.id,
  country: i.country,
  sectors: i.sectors,
  technologies: i.technologies,
  maxTransferDepth: i.maxTransferDepth,
  modalities: i.modalities,
  preferredProvinces: i.preferredProvinces,
  preferredIslandGroups: i.preferredIslandGroups,
  ticketUsd: i.ticketUsd,
  ownershipIntent: i.ownershipIntent,
  preferredRegencies: regencyPoints(i.preferredRegencies),
});

/** Regency codes (validated on write) as the points the location factor measures from. */
export const regencyPoints = (codes: readonly string[]): RegencyPoint[] => codes.flatMap((code) => regencyPoint(code) ?? []);

function regencyPoint(code: string): RegencyPoint | undefined {
  const info = regencyByCode.get(code);
  return info && { code, name: info.name, province: info.province, lat: info.coordinate.lat, lon: info.coordinate.lon };
}

/**
 * Ranked, explained matches in both directions. Published opportunities and live investors
 * are held in memory (an index built for fast ranking); every write on any instance reaches
 * it through PostgreSQL LISTEN/NOTIFY, and a write on this instance is applied before the
 * write's response is sent, so a caller always sees its own change.
 */
export class MatchingService implements ChangeSubscriber {
  #index = new OpportunityIndex();
  #cards = new Map<string, OpportunityCard>();
  #investors = new Map<string, InvestorEntry>();
  #investorList: MatchableInvestor[] | undefined;
  #loading: Promise<void> | undefined;
  /**
   * Finished pages by request. Each change to the index drops the pages it alters (PageScope),
   * so a cached page is always the page the index would compute now; repeated requests (an
   * embed's visitors, a client paging back and forth) skip ranking and explaining, and go on
   * doing so while staff edit opportunities elsewhere in the ranking. Bounded by bytes, with a
   * share per caller (`cacheOwner`), so one caller's distinct requests cannot push out everyone
   * else's.
   */
  #pages = new PageCache<PageScope>({ maxBytes: 64 * 1024 * 1024, perOwnerBytes: 4 * 1024 * 1024 });

  constructor(
    private readonly database: DatabaseHandle,
    private readonly reference: MatchingReference,
    private readonly names: NameLookup,
    private readonly log: MatchingLog,
    private readonly rate: UsdIdrRate,
  ) {}

  /** Loads the index; call once the change feed is listening, so no change falls between the two. */
  start(): void {
    this.#reloadInBackground();
  }

  /** Notifications may have been missed: rebuild from the database. */
  resync(): void {
    this.#reloadInBackground();
  }

  async stop(): Promise<void> {
    await this.#loading?.catch(() => {});
  }

  get size() {
    return { opportunities: this.#index.size, investors: this.#investors.size };
  }

  /** Failures are logged by reload() and retried by the next request. */
  #reloadInBackground(): void {
    this.reload().catch(() => {});
  }

  /** Reloads everything; requests wait for it rather than see a half-built index. */
  reload(): Promise<void> {
    const loading = this.#load().catch((err: unknown) => {
      this.log.error({ err }, 'could not load the matching index; the next match request retries');
      if (this.#loading === loading) this.#loading = undefined;
      throw err;
    });
    this.#loading = loading;
    return loading;
  }

  async #load(): Promise<void> {
    const started = performance.now();
    const [opportunities, investors] = await Promise.all([
      listPublishedOpportunities(this.database.db),
      listLiveInvestors(this.database.db),
    ]);
    const index = new OpportunityIndex(opportunities.map(toMatchableOpportunity));
    this.#index = index;
    this.#cards = new Map(opportunities.map((o) => [o.id, cardOf(o)]));
    this.#investors = new Map(investors.map((i) => [i.id, entryOf(i)]));
    this.#investorList = undefined;
    this.#pages.clear();
    this.log.info({ opportunities: index.size, investors: investors.length, ms: Math.round(performance.now() - started) }, 'matching index loaded');
  }

  async #ready(): Promise<void> {
    await (this.#loading ?? this.reload());
  }

  /** Applies one change: to an opportunity, an investor, or a reload after a bulk load. */
  async applyChange({ entity, id }: Change): Promise<void> {
    if (entity === RELOAD) return this.reload();
    if (!id || (entity !== 'opportunity' && entity !== 'investor')) return;
    await this.#ready();
    if (entity === 'opportunity') await this.refreshOpportunity(id);
    else if (entity === 'investor') await this.refreshInvestor(id);
  }

  async refreshOpportunity(id: string): Promise<void> {
    const row = await findOpportunity(this.database.db, id);
    // Notifications may arrive out of order; never let an older version replace a newer one.
    const known = this.#cards.get(id);
    if (row && known && known.version > row.version) return;
    const now = row?.status === 'published' ? toMatchableOpportunity(row) : undefined;
    if (now) {
      this.#index.upsert(now);
      this.#cards.set(id, cardOf(row!));
    } else {
      this.#index.remove(id);
      this.#cards.delete(id);
    }
    this.#pages.deleteWhere((scope) =>
      scope.direction === 'opportunity'
        ? scope.opportunity.id === id
        : pageChanges(scope.ranked, scope.limit, id, now ? placeInRanking(scope.compiled, now, scope.options) : null),
    );
  }

  async refreshInvestor(id: string): Promise<void> {
    const row = await findInvestor(this.database.db, id);
    const known = this.#investors.get(id);
    if (row && known && known.version > row.version) return;
    const now = row ? entryOf(row) : undefined;
    if (now) this.#investors.set(id, now);
    else this.#investors.delete(id);
    this.#investorList = undefined;
    this.#pages.deleteWhere((scope) =>
      scope.direction === 'investor'
        ? scope.investorId === id
        : pageChanges(scope.ranked, scope.limit, id, now ? investorPlaceInRanking(now.matchable, scope.opportunity, scope.weights, this.reference, scope.options) : null),
    );
  }

  /** A profile the caller may not see answers 404, like one that does not exist. */
  async matchesForInvestor(investorId: string, query: OpportunityMatchQuery, language: UiLanguage, cacheOwner: string, actor: Actor) {
    if (!maySee(actor, { entity: 'investor', id: investorId })) throw notFound('Investor', investorId);
    await this.#ready();
    const entry = this.#investors.get(investorId);
    if (!entry) throw notFound('Investor', investorId);
    return this.#cached(cacheOwner, ['investor', investorId, query, language], (today) =>
      this.#rankOpportunities(entry.matchable, entry.halalCapable, query, language, today, entry),
    );
  }

  /** Ranks opportunities for a profile sent inline; nothing is stored. */
  async preview(profile: Omit<MatchableInvestor, 'id'> & { halalCapable?: boolean | null }, query: OpportunityMatchQuery, language: UiLanguage, cacheOwner: string) {
    await this.#ready();
    const { halalCapable = null, ...matchable } = profile;
    return this.#cached(cacheOwner, ['preview', profile, query, language], (today) =>
      this.#rankOpportunities({ ...matchable, id: PREVIEW_ID }, halalCapable, query, language, today),
    );
  }

  #rankOpportunities(investor: MatchableInvestor, halalCapable: boolean | null, query: OpportunityMatchQuery, language: UiLanguage, today: string, entry?: InvestorEntry) {
    const weights = checkWeights(query.weights);
    const fingerprint = fingerprintOf(weights, query.minScore, query.sectors, query.provinces, query.islandGroups, query.includeIneligible === true);
    const after = query.cursor ? decodeMatchCursor(query.cursor, fingerprint) : undefined;
    const atDefaults = entry && Object.keys(query.weights ?? {}).length === 0;
    const compiled = atDefaults ? this.#compiledAtDefaults(entry) : compileInvestor(investor, weights, this.reference);
    ensureEffective(compiled.prepared.neutral, weights, investor.id === PREVIEW_ID ? 'the profile states no preference on' : 'the investor states no preference on');
    const options: Omit<OpportunityRankOptions, 'limit'> = {
      ...(after && { after }),
      ...(query.minScore !== undefined && { minScore: query.minScore }),
      ...(query.sectors && { sectors: query.sectors }),
      ...(query.provinces && { provinces: query.provinces }),
      ...(query.islandGroups && { islandGroups: query.islandGroups }),
      ...(!query.includeIneligible && { eligibleFor: investor }),
    };
    const ranked = this.#index.rank(compiled, { ...options, limit: query.limit + 1 });
    const scope: PageScope = { direction: 'investor', investorId: entry ? investor.id : null, compiled, options, ranked, limit: query.limit };
    const page = this.#page(ranked, query.limit, fingerprint, weights, (match) => {
      const opportunity = this.#index.get(match.id)!;
      const card = this.#cards.get(match.id)!;
      const explained = explainPairScore(scorePrepared(compiled.prepared, opportunity, this.reference), language, this.names);
      const title = pickText(card.title, language);
      return {
        ...explained,
        ...this.#decisions({ country: investor.country, ownershipIntent: investor.ownershipIntent ?? null, halalCapable }, opportunity, card, language, today),
        opportunity: {
          id: opportunity.id,
          title: title.text,
          titleLanguage: title.language,
          sector: opportunity.sector,
          province: opportunity.province,
          investmentUsd: opportunity.investmentUsd,
          sponsorName: card.sponsorName,
        },
      };
    });
    return { page, scope };
  }

  async matchesForOpportunity(opportunityId: string, query: InvestorMatchQuery, language: UiLanguage, cacheOwner: string) {
    await this.#ready();
    const opportunity = this.#index.get(opportunityId);
    if (!opportunity) {
      const exists = await findOpportunity(this.database.db, opportunityId);
      if (!exists) throw notFound('Opportunity', opportunityId);
      throw new ServiceError(409, 'opportunity-not-published', `Opportunity ${opportunityId} is ${exists.status}; only published opportunities are matched.`);
    }
    return this.#cached(cacheOwner, ['opportunity', opportunityId, query, language], (today) => this.#rankInvestors(opportunity, query, language, today));
  }

  #rankInvestors(opportunity: MatchableOpportunity, query: InvestorMatchQuery, language: UiLanguage, today: string) {
    const weights = checkWeights(query.weights);
    ensureEffective(openFactorsOf(opportunity), weights, 'the opportunity seeks nothing on');
    const fingerprint = fingerprintOf(weights, query.minScore, query.countries, query.includeIneligible === true);
    const after = query.cursor ? decodeMatchCursor(query.cursor, fingerprint) : undefined;
    const countries = query.countries?.length ? new Set(query.countries) : undefined;
    const eligibleOnly = !query.includeIneligible;
    const options: Omit<InvestorRankOptions, 'limit'> = {
      ...(after && { after }),
      ...(query.minScore !== undefined && { minScore: query.minScore }),
      ...((countries || eligibleOnly) && {
        filter: (investor: MatchableInvestor) => (!countries || countries.has(investor.country)) && (!eligibleOnly || isEligible(investor, opportunity)),
      }),
    };
    const ranked = rankInvestors(this.#investorsArray(), opportunity, weights, this.reference, { ...options, limit: query.limit + 1 });
    const scope: PageScope = { direction: 'opportunity', opportunity, weights, options, ranked, limit: query.limit };
    const card = this.#cards.get(opportunity.id)!;
    const page = this.#page(ranked, query.limit, fingerprint, weights, (match) => {
      const entry = this.#investors.get(match.id)!;
      const explained = explainPairScore(scorePair(entry.matchable, opportunity, weights, this.reference), language, this.names);
      const investor = { country: entry.matchable.country, ownershipIntent: entry.matchable.ownershipIntent ?? null, halalCapable: entry.halalCapable };
      return {
        ...explained,
        ...this.#decisions(investor, opportunity, card, language, today),
        investor: {
          id: entry.matchable.id,
          companyName: entry.companyName,
          country: entry.matchable.country,
          countryName: this.names.country(entry.matchable.country, language),
        },
      };
    });
    return { page, scope };
  }

  /** Waits until the index is loaded; for callers that must not load it inside a transaction. */
  async ready(): Promise<void> {
    await this.#ready();
  }

  /**
   * Investors scoring at least `minScore` with this opportunity at default weights, explained,
   * best first: every live investor is scored, and those `among` are kept. Takes the opportunity
   * as given, so an instance that has not yet heard of its publication scores it all the same.
   */
  investorsScoring(opportunity: Opportunity, minScore: number, among: ReadonlySet<string>, language: UiLanguage): ExplainedPairScore[] {
    const weights = checkWeights();
    const matchable = toMatchableOpportunity(opportunity);
    const investors = this.#investorsArray();
    // A pair that cannot legally happen is never alerted.
    const filter = (investor: MatchableInvestor) => among.has(investor.id) && isEligible(investor, matchable);
    const ranked = rankInvestors(investors, matchable, weights, this.reference, { limit: investors.length, minScore, filter });
    return ranked.map((match) => explainPairScore(scorePair(this.#investors.get(match.id)!.matchable, matchable, weights, this.reference), language, this.names));
  }

  /** Every (investor, published opportunity) pair scoring at least `minScore` at default weights. */
  async pairsScoring(minScore: number): Promise<{ investorId: string; country: string; opportunityId: string }[]> {
    await this.#ready();
    const weights = checkWeights();
    return this.#investorsArray().flatMap((investor) =>
      this.#index
        .rank(compileInvestor(investor, weights, this.reference), { limit: this.#index.size, minScore, eligibleFor: investor })
        .map((match) => ({ investorId: investor.id, country: investor.country, opportunityId: match.id })),
    );
  }

  /**
   * Every live investor's best `limit` published opportunities it may legally take, at default
   * weights, one investor at a time, for the batch job.
   */
  async *topMatchesForAll(limit: number): AsyncGenerator<{ investorId: string; matches: RankedMatch[] }> {
    await this.#ready();
    for (const entry of this.#investors.values()) {
      const investor = entry.matchable;
      yield { investorId: investor.id, matches: this.#index.rank(this.#compiledAtDefaults(entry), { limit, eligibleFor: investor }) };
    }
  }

  /** The investor compiled for ranking at the default weights, kept with its entry. */
  #compiledAtDefaults(entry: InvestorEntry): CompiledInvestor {
    return (entry.compiled ??= compileInvestor(entry.matchable, checkWeights(), this.reference));
  }

  /** Eligibility and regulatory badges of a pair: shown beside the score, never part of it. */
  #decisions(investor: EligibilityInvestor & BadgeInvestor, opportunity: MatchableOpportunity, card: OpportunityCard, language: UiLanguage, today: string) {
    const eligibility = eligibilityOf(investor, opportunity);
    return {
      eligibility: { eligible: eligibility.eligible, reasons: eligibility.reasons.map((r) => ({ ...r, text: renderEligibilityReason(r, language) })) },
      ruleBadges: ruleBadgesFor(investor, card.facts, this.rate, today).map((b) => ({ ...b, text: renderRuleBadge(b, language) })),
    };
  }

  #cached<T extends object>(owner: string, request: [MatchDirection, ...unknown[]], compute: (today: string) => ComputedPage<T>): MatchPage<T> {
    // Rule badges count days to deadlines, so a page is kept for the day it was made on.
    const today = todayOf();
    const key = JSON.stringify([...request, today]);
    const hit = this.#pages.get(key);
    matchPageCacheRequests.inc({ result: hit ? 'hit' : 'miss' });
    if (hit) return decodedPage<MatchPage<T>>(hit, MATCH_PAGE_FIELDS);
    const direction = request[0];
    const stopTimer = matchDuration.startTimer({ direction });
    const { page, scope } = compute(today);
    stopTimer();
    matchCandidates.observe({ direction }, direction === 'opportunity' ? this.#investors.size : this.#index.size);
    this.#pages.set(owner, key, encodedPage(page), scope);
    return page;
  }

  /** Bytes the page cache holds, in all or for one caller. */
  cachedBytes(owner?: string): number {
    return this.#pages.usage(owner);
  }

  #investorsArray(): MatchableInvestor[] {
    return (this.#investorList ??= [...this.#investors.values()].map((entry) => entry.matchable));
  }

  #page<T>(ranked: RankedMatch[], limit: number, fingerprint: string, weights: Weights, explain: (match: RankedMatch) => ExplainedPairScore & T): MatchPage<T> {
    const page = ranked.slice(0, limit);
    const last = page.at(-1);
    return {
      requestedWeights: weights,
      data: page.map(explain),
      nextCursor: ranked.length > limit && last ? encodeMatchCursor(last, fingerprint) : null,
    };
  }
}

const cardOf = (o: Opportunity): OpportunityCard => ({
  title: o.title,
  sponsorName: o.sponsor.name,
  version: o.version,
  facts: {
    sector: o.sector,
    kbliCodes: o.kbliCodes,
    investmentUsd: o.investmentUsd,
    ...(o.financials && { financials: o.financials }),
    ...(o.location.specialEconomicZone && { specialEconomicZone: o.location.specialEconomicZone }),
    ...(o.land && { land: o.land }),
    ...(o.halal && { halal: o.halal }),
    ...(o.tkdnTargetPct !== undefined && { tkdnTargetPct: o.tkdnTargetPct }),
  },
});
const entryOf = (i: Investor): InvestorEntry => ({
  matchable: toMatchableInvestor(i),
  companyName: i.companyName,
  version: i.version,
  halalCapable: i.halalCapable,
});

function checkWeights(given: Partial<Weights> = {}): Weights {
  const result = validateWeights(given);
  if (result.ok) return result.weights;
  const first = result.errors[0]!;
  throw badRequest('invalid-weights', result.errors.map((e) => `${e.field}: ${e.message}`).join(' '), first.field);
}

const PREVIEW_ID = 'preview';

/** The date deadlines are judged against, read once per page rather than per match. */
const todayOf = () => new Date().toISOString().slice(0, 10);

/** 400 when every positively weighted factor is left open: every score would be 0, so no ranking. */
function ensureEffective(open: Readonly<Record<Factor, boolean>>, weights: Weights, leftOpenBy: string): void {
  const fields = ineffectiveWeightFields(open, weights);
  if (!fields) return;
  const detail = FACTORS_ALL_ZERO(weights)
    ? 'All weights are 0, so nothing would be compared; give at least one factor a weight above 0.'
    : `Every factor weighted above 0 (${fields.map((f) => f.replace('weights.', '')).join(', ')}) is one ${leftOpenBy}, so every score would be 0; weight a factor it states.`;
  throw new ServiceError(400, 'weights-ineffective', detail, fields[0], 'body', { fields: fields.slice(1) });
}

const FACTORS_ALL_ZERO = (weights: Weights) => Object.values(weights).every((w) => w === 0);

/** A page's cursor only continues the ranking it came from: same weights and filters. */
function fingerprintOf(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

/** A match cursor is a keyset cursor whose "sort" is the ranking's fingerprint and value "score:evidence". */
function encodeMatchCursor(cursor: RankCursor, fingerprint: string): string {
  return encodeCursor({ sort: fingerprint, value: `${cursor.score}:${cursor.evidence}`, id: cursor.id });
}

function decodeMatchCursor(raw: string, fingerprint: string): RankCursor {
  const cursor = decodeCursor(raw);
  const [score, evidence] = typeof cursor?.value === 'string' ? cursor.value.split(':').map(Number) : [];
  if (cursor && cursor.sort === fingerprint && Number.isFinite(score) && Number.isFinite(evidence)) return { score: score!, evidence: evidence!, id: cursor.id };
  throw badRequest('invalid-cursor', 'The cursor does not belong to this ranking (weights or filters changed); start again without a cursor.', 'cursor');
}
