import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ProvinceCode, SectorCode, UiLanguage, IslandGroup } from '../domain/codes.ts';
import type { Investor } from '../domain/investor.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import { pickText, type LocalizedText } from '../domain/text.ts';
import { explainPairScore, type ExplainedPairScore, type NameLookup } from '../domain/matching/explain.ts';
import { OpportunityIndex, compileInvestor, rankInvestors, type RankCursor, type RankedMatch } from '../domain/matching/index.ts';
import { validateWeights } from '../domain/matching/model.ts';
import type { MatchingReference } from '../domain/matching/reference.ts';
import { scorePair, scorePrepared } from '../domain/matching/score.ts';
import type { MatchableInvestor, MatchableOpportunity, Weights } from '../domain/matching/types.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { decodeCursor, encodeCursor } from '../db/repositories/cursor.ts';
import { findInvestor, listLiveInvestors } from '../db/repositories/investors.ts';
import { findOpportunity, listPublishedOpportunities } from '../db/repositories/opportunities.ts';
import type { ChangeSubscriber } from './change-feed.ts';
import type { Change } from './changes.ts';
import { ServiceError, badRequest, notFound } from './errors.ts';
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
}

interface InvestorEntry {
  matchable: MatchableInvestor;
  companyName: string;
  version: number;
}

export interface MatchQuery {
  limit: number;
  cursor?: string;
  minScore?: number;
  weights?: Partial<Weights>;
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
  weights: Weights;
  data: (ExplainedPairScore & T)[];
  nextCursor: string | null;
}

const toMatchableOpportunity = (o: Opportunity): MatchableOpportunity => ({
  id: o.id,
  sector: o.sector,
  technologies: o.technologies,
  requiredTransferDepth: o.requiredTransferDepth,
  modalities: o.modalities,
  province: o.location.province,
  investmentUsd: o.investmentUsd,
});

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
});

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
   * Finished pages by request. Cleared on every change to the index, so a cached page is
   * always the page the index would compute now; repeated requests (an embed's visitors, a
   * client paging back and forth) skip ranking and explaining.
   */
  #pages = new LRUCache<string, MatchPage<object>>({ max: 2000 });

  constructor(
    private readonly database: DatabaseHandle,
    private readonly reference: MatchingReference,
    private readonly names: NameLookup,
    private readonly log: MatchingLog,
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
    if (entity === 'reload') return this.reload();
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
    if (row?.status === 'published') {
      this.#index.upsert(toMatchableOpportunity(row));
      this.#cards.set(id, cardOf(row));
    } else {
      this.#index.remove(id);
      this.#cards.delete(id);
    }
    this.#pages.clear();
  }

  async refreshInvestor(id: string): Promise<void> {
    const row = await findInvestor(this.database.db, id);
    const known = this.#investors.get(id);
    if (row && known && known.version > row.version) return;
    if (row) this.#investors.set(id, entryOf(row));
    else this.#investors.delete(id);
    this.#investorList = undefined;
    this.#pages.clear();
  }

  async matchesForInvestor(investorId: string, query: OpportunityMatchQuery, language: UiLanguage) {
    await this.#ready();
    const entry = this.#investors.get(investorId);
    if (!entry) throw notFound('Investor', investorId);
    return this.#cached(['investor', investorId, query, language], () => this.#rankOpportunities(entry.matchable, query, language));
  }

  /** Ranks opportunities for a profile sent inline; nothing is stored. */
  async preview(profile: Omit<MatchableInvestor, 'id'>, query: OpportunityMatchQuery, language: UiLanguage) {
    await this.#ready();
    return this.#cached(['preview', profile, query, language], () => this.#rankOpportunities({ ...profile, id: 'preview' }, query, language));
  }

  #rankOpportunities(investor: MatchableInvestor, query: OpportunityMatchQuery, language: UiLanguage) {
    const weights = checkWeights(query.weights);
    const fingerprint = fingerprintOf(weights, query.minScore, query.sectors, query.provinces, query.islandGroups);
    const after = query.cursor ? decodeMatchCursor(query.cursor, fingerprint) : undefined;
    const compiled = compileInvestor(investor, weights, this.reference);
    const ranked = this.#index.rank(compiled, {
      limit: query.limit + 1,
      ...(after && { after }),
      ...(query.minScore !== undefined && { minScore: query.minScore }),
      ...(query.sectors && { sectors: query.sectors }),
      ...(query.provinces && { provinces: query.provinces }),
      ...(query.islandGroups && { islandGroups: query.islandGroups }),
    });
    return this.#page(ranked, query.limit, fingerprint, weights, (match) => {
      const opportunity = this.#index.get(match.id)!;
      const card = this.#cards.get(match.id)!;
      const explained = explainPairScore(scorePrepared(compiled.prepared, opportunity, this.reference), language, this.names);
      const title = pickText(card.title, language);
      return {
        ...explained,
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
  }

  async matchesForOpportunity(opportunityId: string, query: InvestorMatchQuery, language: UiLanguage) {
    await this.#ready();
    const opportunity = this.#index.get(opportunityId);
    if (!opportunity) {
      const exists = await findOpportunity(this.database.db, opportunityId);
      if (!exists) throw notFound('Opportunity', opportunityId);
      throw new ServiceError(409, 'opportunity-not-published', `Opportunity ${opportunityId} is ${exists.status}; only published opportunities are matched.`);
    }
    return this.#cached(['opportunity', opportunityId, query, language], () => this.#rankInvestors(opportunity, query, language));
  }

  #rankInvestors(opportunity: MatchableOpportunity, query: InvestorMatchQuery, language: UiLanguage) {
    const weights = checkWeights(query.weights);
    const fingerprint = fingerprintOf(weights, query.minScore, query.countries);
    const after = query.cursor ? decodeMatchCursor(query.cursor, fingerprint) : undefined;
    const countries = query.countries?.length ? new Set(query.countries) : undefined;
    const ranked = rankInvestors(this.#investorsArray(), opportunity, weights, this.reference, {
      limit: query.limit + 1,
      ...(after && { after }),
      ...(query.minScore !== undefined && { minScore: query.minScore }),
      ...(countries && { filter: (investor: MatchableInvestor) => countries.has(investor.country) }),
    });
    return this.#page(ranked, query.limit, fingerprint, weights, (match) => {
      const entry = this.#investors.get(match.id)!;
      const explained = explainPairScore(scorePair(entry.matchable, opportunity, weights, this.reference), language, this.names);
      return {
        ...explained,
        investor: {
          id: entry.matchable.id,
          companyName: entry.companyName,
          country: entry.matchable.country,
          countryName: this.names.country(entry.matchable.country, language),
        },
      };
    });
  }

  /**
   * Every live investor's best `limit` published opportunities at default weights, one
   * investor at a time, for the batch job.
   */
  async *topMatchesForAll(limit: number): AsyncGenerator<{ investorId: string; matches: RankedMatch[] }> {
    await this.#ready();
    const weights = checkWeights();
    for (const investor of this.#investorsArray()) {
      const compiled = compileInvestor(investor, weights, this.reference);
      yield { investorId: investor.id, matches: this.#index.rank(compiled, { limit }) };
    }
  }

  #cached<T extends object>(request: [MatchDirection, ...unknown[]], compute: () => MatchPage<T>): MatchPage<T> {
    const key = JSON.stringify(request);
    const hit = this.#pages.get(key) as MatchPage<T> | undefined;
    matchPageCacheRequests.inc({ result: hit ? 'hit' : 'miss' });
    if (hit) return hit;
    const direction = request[0];
    const stopTimer = matchDuration.startTimer({ direction });
    const page = compute();
    stopTimer();
    matchCandidates.observe({ direction }, direction === 'opportunity' ? this.#investors.size : this.#index.size);
    this.#pages.set(key, page);
    return page;
  }

  #investorsArray(): MatchableInvestor[] {
    return (this.#investorList ??= [...this.#investors.values()].map((entry) => entry.matchable));
  }

  #page<T>(ranked: RankedMatch[], limit: number, fingerprint: string, weights: Weights, explain: (match: RankedMatch) => ExplainedPairScore & T): MatchPage<T> {
    const page = ranked.slice(0, limit);
    const last = page.at(-1);
    return {
      weights,
      data: page.map(explain),
      nextCursor: ranked.length > limit && last ? encodeMatchCursor({ score: last.score, id: last.id }, fingerprint) : null,
    };
  }
}

const cardOf = (o: Opportunity): OpportunityCard => ({ title: o.title, sponsorName: o.sponsor.name, version: o.version });
const entryOf = (i: Investor): InvestorEntry => ({ matchable: toMatchableInvestor(i), companyName: i.companyName, version: i.version });

function checkWeights(given: Partial<Weights> = {}): Weights {
  const result = validateWeights(given);
  if (result.ok) return result.weights;
  const first = result.errors[0]!;
  throw badRequest('invalid-weights', result.errors.map((e) => `${e.field}: ${e.message}`).join(' '), first.field);
}

/** A page's cursor only continues the ranking it came from: same weights and filters. */
function fingerprintOf(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

/** A match cursor is a keyset cursor whose "sort" is the ranking's fingerprint. */
function encodeMatchCursor(cursor: RankCursor, fingerprint: string): string {
  return encodeCursor({ sort: fingerprint, value: cursor.score, id: cursor.id });
}

function decodeMatchCursor(raw: string, fingerprint: string): RankCursor {
  const cursor = decodeCursor(raw);
  if (cursor && cursor.sort === fingerprint && typeof cursor.value === 'number') return { score: cursor.value, id: cursor.id };
  throw badRequest('invalid-cursor', 'The cursor does not belong to this ranking (weights or filters changed); start again without a cursor.', 'cursor');
}
