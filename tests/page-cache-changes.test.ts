import fc from 'fast-check';
import t from 'tap';
import type { InjectOptions } from 'fastify';
import { OWNERSHIP_INTENTS } from '../src/domain/investment-facts.ts';
import { matchPageCacheRequests } from '../src/observability/metrics.ts';
import { bearer, buildTestApp, createKey, openTestDatabase, type TestApp } from './helpers/app.ts';
import { investorBody, opportunityBody, type InvestorCreate, type OpportunityCreate } from './helpers/fixtures.ts';

/*
 * A change drops only the cached match pages it alters. Two instances share one database: the
 * first keeps its pages across changes, the second rebuilds its index from the database before
 * every request, so what it answers is what a page must say now.
 */
const database = await openTestDatabase(t);
const kept = await buildTestApp(t, database);
const fresh = await buildTestApp(t, database);

const sector = fc.constantFrom('finished-drugs', 'vaccines', 'medical-consumables', 'in-vitro-diagnostics', 'active-pharmaceutical-ingredients');
const technologies = fc.subarray(['blood-bag-manufacturing', 'viral-vector', 'sterile-fill-finish', 'rapid-diagnostic-tests', 'chemical-api-synthesis'], { maxLength: 3 });
const province = fc.constantFrom('ID-JI', 'ID-JB', 'ID-SU', 'ID-BT');
const modalities = fc.subarray(['joint-venture', 'licensing', 'contract-manufacturing'], { maxLength: 2 });
const amount = fc.constantFrom({ min: 1_000_000, max: 5_000_000 }, { min: 10_000_000, max: 30_000_000 }, { min: 50_000_000, max: 200_000_000 });

const opportunityFields = fc.record(
  {
    sector,
    technologies,
    requiredTransferDepth: fc.constantFrom('none', 'licensing', 'joint-development', 'full-transfer'),
    modalities: fc.subarray(['joint-venture', 'licensing', 'contract-manufacturing'], { minLength: 1, maxLength: 2 }),
    location: province.map((code) => ({ province: code })),
    investmentUsd: amount,
    // 21012 and 21022 carry foreign-ownership caps, so eligibility moves too.
    kbliCodes: fc.subarray(['21012', '21022', '22194'], { maxLength: 2 }),
    title: fc.constantFrom('A', 'B', 'C').map((letter) => ({ id: `Peluang ${letter}`, en: `Opportunity ${letter}` })),
  },
  { requiredKeys: [] },
)
  // A merge patch must change something.
  .filter((fields) => Object.keys(fields).length > 0)
  .map((fields) => fields as Partial<OpportunityCreate>);
const investorFields = fc.record(
  {
    country: fc.constantFrom('KR', 'JP', 'ID'),
    sectors: fc.subarray(['pharmaceuticals', 'medical-devices', 'vaccines', 'finished-drugs', 'medical-consumables'], { minLength: 1, maxLength: 2 }),
    technologies,
    preferredProvinces: fc.subarray(['ID-JI', 'ID-JB', 'ID-SU'], { maxLength: 2 }),
    modalities,
    ticketUsd: fc.option(amount, { nil: null }),
    ownershipIntent: fc.constantFrom(null, ...OWNERSHIP_INTENTS),
  },
  { requiredKeys: [] },
)
  .filter((fields) => Object.keys(fields).length > 0)
  .map((fields) => fields as Partial<InvestorCreate>);

const filters = fc.constantFrom('', '&sector=pharmaceuticals', '&province=ID-JI', '&minScore=40', '&includeIneligible=true');
type Step =
  | { kind: 'matches'; investor: number; limit: number; filter: string; next: boolean; language: string }
  | { kind: 'investors'; opportunity: number; limit: number; filter: string }
  | { kind: 'preview'; sectors: string[]; limit: number }
  | { kind: 'edit-opportunity'; opportunity: number; patch: object }
  | { kind: 'publish'; body: object }
  | { kind: 'withdraw'; opportunity: number }
  | { kind: 'edit-investor'; investor: number; patch: object };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('matches' as const), investor: fc.nat(2), limit: fc.constantFrom(1, 3), filter: filters, next: fc.boolean(), language: fc.constantFrom('en', 'ja') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('investors' as const), opportunity: fc.nat(), limit: fc.constantFrom(1, 2), filter: fc.constantFrom('', '&country=KR,JP', '&minScore=40', '&includeIneligible=true') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('preview' as const), sectors: fc.constantFrom('vaccines', 'medical-consumables').map((code) => [code]), limit: fc.constantFrom(1, 3) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit-opportunity' as const), opportunity: fc.nat(), patch: opportunityFields }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('publish' as const), body: opportunityFields }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), opportunity: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit-investor' as const), investor: fc.nat(2), patch: investorFields }) },
);

const MERGE_PATCH = { 'content-type': 'application/merge-patch+json' };

async function write(app: TestApp, options: InjectOptions & { url: string }): Promise<string | undefined> {
  const response = await app.inject(options);
  // An edit of a withdrawn opportunity may be refused; nothing else may fail.
  if (response.statusCode >= 500 || (response.statusCode >= 400 && response.statusCode !== 409)) throw new Error(`${options.method} ${options.url}: ${response.statusCode} ${response.body}`);
  return response.statusCode < 300 && response.body ? (response.json() as { id: string }).id : undefined;
}

async function publishOpportunity(fields: Partial<OpportunityCreate>): Promise<string> {
  const id = (await write(kept, { method: 'POST', url: '/v1/opportunities', payload: opportunityBody(fields) }))!;
  await write(kept, { method: 'POST', url: `/v1/opportunities/${id}/publish` });
  return id;
}

/** The one keeping pages must answer as the one that rebuilt from the database just now. */
async function agree(options: InjectOptions): Promise<{ body: string; agree: boolean }> {
  const ours = await kept.inject(options);
  const truth = await fresh.inject(options);
  // A problem names its request, so two instances' problems agree on the code, not every byte.
  const same = ours.statusCode === 200 ? ours.body === truth.body : ours.json().code === truth.json().code;
  return { body: ours.body, agree: ours.statusCode === truth.statusCode && same };
}

t.test('after any sequence of changes, every cached match page is the page the data gives now', async (t) => {
  const pageHits = async () => (await matchPageCacheRequests.get()).values.find((v) => v.labels.result === 'hit')?.value ?? 0;
  const hitsBefore = await pageHits();
  await fc.assert(
    fc.asyncProperty(fc.array(opportunityFields, { minLength: 3, maxLength: 6 }), fc.array(investorFields, { minLength: 3, maxLength: 3 }), fc.array(step, { minLength: 5, maxLength: 25 }), async (seedOpportunities, seedInvestors, steps) => {
      const opportunities: string[] = [];
      for (const fields of seedOpportunities) opportunities.push(await publishOpportunity(fields));
      const investors: string[] = [];
      for (const fields of seedInvestors) investors.push((await write(kept, { method: 'POST', url: '/v1/investors', payload: investorBody(fields) }))!);
      // Every page asked for so far: after each change, all of them are asked for again.
      const asked = new Map<string, InjectOptions>();
      const ask = async (options: InjectOptions) => {
        asked.set(JSON.stringify(options), options);
        await fresh.app.services.matching.reload();
        return agree(options);
      };
      const changed = async () => {
        await fresh.app.services.matching.reload();
        for (const options of asked.values()) if (!(await agree(options)).agree) return false;
        return true;
      };
      try {
        for (const s of steps) {
          const pick = (n: number) => opportunities[n % opportunities.length]!;
          switch (s.kind) {
            case 'matches': {
              // The first page, and with `next` the one after it.
              let url = `/v1/investors/${investors[s.investor]}/matches?limit=${s.limit}${s.filter}`;
              for (let page = 0; page < (s.next ? 2 : 1); page++) {
                const answer = await ask({ method: 'GET', url, headers: { 'accept-language': s.language } });
                if (!answer.agree) return false;
                const next = (JSON.parse(answer.body) as { nextCursor?: string | null }).nextCursor;
                if (!next) break;
                url = `${url.replace(/&cursor=.*$/, '')}&cursor=${next}`;
              }
              continue;
            }
            case 'investors':
              if (!(await ask({ method: 'GET', url: `/v1/opportunities/${pick(s.opportunity)}/matches?limit=${s.limit}${s.filter}` })).agree) return false;
              continue;
            case 'preview':
              if (!(await ask({ method: 'POST', url: '/v1/matches/preview', payload: { profile: { sectors: s.sectors }, limit: s.limit } })).agree) return false;
              continue;
            case 'edit-opportunity':
              await write(kept, { method: 'PATCH', url: `/v1/opportunities/${pick(s.opportunity)}`, payload: s.patch, headers: MERGE_PATCH });
              break;
            case 'publish':
              opportunities.push(await publishOpportunity(s.body));
              break;
            case 'withdraw':
              await write(kept, { method: 'POST', url: `/v1/opportunities/${pick(s.opportunity)}/withdraw` });
              break;
            case 'edit-investor':
              await write(kept, { method: 'PATCH', url: `/v1/investors/${investors[s.investor]}`, payload: s.patch, headers: MERGE_PATCH });
              break;
          }
          if (!(await changed())) return false;
        }
        return true;
      } finally {
        // Each run starts from its own few opportunities and investors, where pages end early and change often.
        for (const id of opportunities) await write(kept, { method: 'POST', url: `/v1/opportunities/${id}/withdraw` });
        for (const id of investors) await write(kept, { method: 'DELETE', url: `/v1/investors/${id}` });
      }
    }),
    { numRuns: 20, seed: 20261207 },
  );
  t.ok((await pageHits()) > hitsBefore, 'pages were served from the cache along the way');
});

t.test('a change drops the pages it alters and keeps the others', async (t) => {
  // A key of its own, so only this test's page is counted.
  const reader = await createKey(kept.app, { role: 'staff' });
  const cachedBytes = () => kept.app.services.matching.cachedBytes(`key ${reader.id}`);
  const patch = (url: string, payload: object) => write(kept, { method: 'PATCH', url, payload, headers: MERGE_PATCH });
  const investor = (await write(kept, { method: 'POST', url: '/v1/investors', payload: investorBody({ sectors: ['plasma-derived-products'], technologies: ['plasma-fractionation'], preferredProvinces: ['ID-KT'] }) }))!;
  const plasma = { sector: 'plasma-derived-products', technologies: ['plasma-fractionation'], location: { province: 'ID-KT' } } satisfies Partial<OpportunityCreate>;
  // Licensing, where the investor wants a joint venture: a little below a perfect score.
  const onPage = await publishOpportunity({ ...plasma, modalities: ['licensing'] });
  const below = { sector: 'traditional-medicine', technologies: [], location: { province: 'ID-PA' }, modalities: ['greenfield'] } satisfies Partial<OpportunityCreate>;
  const elsewhere = await publishOpportunity({ ...below, title: { id: 'Jamu', en: 'Jamu' } });
  const page = async () => (await kept.inject({ method: 'GET', url: `/v1/investors/${investor}/matches?limit=1`, headers: bearer(reader.key) })).json() as { data: { opportunityId: string; score: number; opportunity: { title: string } }[]; nextCursor: string | null };
  const first = await page();
  t.equal(first.data[0]!.opportunityId, onPage);
  t.ok(first.data[0]!.score < 100 && first.nextCursor, 'a full page with more after it');
  const held = cachedBytes();
  t.ok(held > 0, 'the page is cached');

  await publishOpportunity(below);
  await patch(`/v1/opportunities/${elsewhere}`, { title: { id: 'Jamu', en: 'Herbal medicine' } });
  t.equal(cachedBytes(), held, 'an opportunity published or changed far below the page leaves it cached');
  const other = (await write(kept, { method: 'POST', url: '/v1/investors', payload: investorBody({ companyName: 'Another investor' }) }))!;
  await patch(`/v1/investors/${other}`, { companyName: 'Another investor, renamed' });
  t.equal(cachedBytes(), held, 'another investor’s changes leave it cached');

  await patch(`/v1/opportunities/${onPage}`, { title: { id: 'Fraksionasi plasma', en: 'Plasma fractionation' } });
  t.ok(cachedBytes() < held, 'a change to an opportunity on the page drops it');
  t.equal((await page()).data[0]!.opportunity.title, 'Plasma fractionation', 'and the page shows it at once');

  const better = await publishOpportunity(plasma);
  t.ok(cachedBytes() < held, 'a newcomer that takes a place on the page drops it');
  const now = await page();
  t.equal(now.data[0]!.opportunityId, better, 'and shows first');
  t.ok(now.data[0]!.score > first.data[0]!.score);

  // The other way round: the investors for an opportunity.
  const investorsFor = async () => (await kept.inject({ method: 'GET', url: `/v1/opportunities/${better}/matches?limit=1`, headers: bearer(reader.key) })).json() as { data: { investor: { id: string; companyName: string } }[] };
  t.equal((await investorsFor()).data[0]!.investor.id, investor);
  const withBoth = cachedBytes();
  await patch(`/v1/investors/${other}`, { companyName: 'Another investor, renamed again' });
  t.equal(cachedBytes(), withBoth, 'an investor far below a page of investors leaves it cached');
  await patch(`/v1/investors/${investor}`, { companyName: 'Plasma partner' });
  t.ok(cachedBytes() < withBoth, 'a change to an investor on it drops it');
  t.equal((await investorsFor()).data[0]!.investor.companyName, 'Plasma partner');
});
