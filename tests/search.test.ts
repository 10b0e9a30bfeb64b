import t from 'tap';
import { seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { DEMO_DECISION_OPPORTUNITIES } from '../db/demo/investment-facts.ts';
import { DEMO_OPPORTUNITIES } from '../db/demo/opportunities.ts';
import { buildTestApp } from './helpers/app.ts';
import { opportunityBody } from './helpers/fixtures.ts';

t.test('search over the demo data', async (t) => {
  const { api, database } = await buildTestApp(t);
  t.ok(await seedDemoDataIfEmpty(database), 'demo data goes into an empty database');
  t.notOk(await seedDemoDataIfEmpty(database), 'and only once');
  const published = [...DEMO_OPPORTUNITIES, ...DEMO_DECISION_OPPORTUNITIES].filter((o) => o.status === 'published');

  const titles = async (query: Record<string, unknown>) => {
    const { data, error } = await api.GET('/v1/opportunities', { params: { query: { limit: 100, ...query } } });
    t.notOk(error, JSON.stringify(error));
    return data!.data.map((o) => o.title.en);
  };

  t.test('default: every published opportunity, nothing else', async (t) => {
    const all = await titles({});
    t.equal(all.length, published.length);
    t.same(new Set(all), new Set(published.map((o) => o.title.en)));
  });

  t.test('full text in English and Indonesian, stemmed', async (t) => {
    const english = await titles({ q: 'blood bag' });
    t.ok(english.some((title) => /blood.bag/i.test(title)), `English stem: ${english}`);
    const indonesian = await titles({ q: 'kantong darah' });
    t.same(indonesian, english.filter((title) => indonesian.includes(title)), 'Indonesian finds the same opportunity');
    t.ok(indonesian.length > 0);
    const plasma = await titles({ q: 'fraksionasi plasma' });
    t.ok(plasma.length > 0, 'Indonesian: fraksionasi plasma');
    t.same(await titles({ q: 'xylophone zebra' }), [], 'no match, no result');
    const sponsor = await titles({ q: 'Bio Farma' });
    t.ok(sponsor.length > 0, 'sponsor names are searchable');
  });

  t.test('filters', async (t) => {
    const expectTitles = (predicate: (o: (typeof published)[number]) => boolean) =>
      new Set(published.filter(predicate).map((o) => o.title.en));
    t.same(new Set(await titles({ sector: ['pharmaceuticals'] })), expectTitles((o) => !['in-vitro-diagnostics', 'medical-consumables', 'electromedical-imaging', 'medical-dental-equipment', 'personal-protective-equipment'].includes(o.sector)), 'a parent matches its leaves');
    t.same(new Set(await titles({ sector: ['vaccines'] })), expectTitles((o) => o.sector === 'vaccines'));
    t.same(new Set(await titles({ province: ['ID-JI'] })), expectTitles((o) => o.location.province === 'ID-JI'));
    t.same(new Set(await titles({ islandGroup: ['papua'] })), expectTitles((o) => o.location.province.match(/^ID-P/) !== null));
    t.same(new Set(await titles({ technology: ['plasma-fractionation', 'viral-vector'] })), expectTitles((o) => o.technologies.some((x) => x === 'plasma-fractionation' || x === 'viral-vector')));
    t.same(new Set(await titles({ modality: ['licensing'] })), expectTitles((o) => o.modalities.includes('licensing')));
    t.same(new Set(await titles({ minUsd: 100_000_000 })), expectTitles((o) => o.investmentUsd.max >= 100_000_000), 'size overlap, lower bound');
    t.same(new Set(await titles({ minUsd: 20_000_000, maxUsd: 30_000_000 })), expectTitles((o) => o.investmentUsd.max >= 20_000_000 && o.investmentUsd.min <= 30_000_000), 'size overlap, both bounds');
    t.same(await titles({ province: ['ID-JI'], islandGroup: ['papua'] }), [], 'filters combine with AND');
    t.same(new Set(await titles({ status: ['draft'] })), new Set(DEMO_OPPORTUNITIES.filter((o) => o.status === 'draft').map((o) => o.title.en)));
  });

  t.test('sorting', async (t) => {
    const { data } = await api.GET('/v1/opportunities', { params: { query: { sort: '-investmentMax', limit: 100 } } });
    const maxima = data!.data.map((o) => o.investmentUsd.max);
    t.same(maxima, [...maxima].sort((a, b) => b - a));
  });
});

t.test('cursor pagination: no duplicates, no gaps, stable under inserts', async (t) => {
  const { api } = await buildTestApp(t);
  const ids: string[] = [];
  for (let i = 0; i < 23; i++) {
    const { data } = await api.POST('/v1/opportunities', {
      body: opportunityBody({ investmentUsd: { min: 1_000_000 * (1 + (i % 5)), max: 50_000_000 } }),
    });
    await api.POST('/v1/opportunities/{id}/publish', { params: { path: { id: data!.id } } });
    ids.push(data!.id);
  }
  for (const sort of ['-createdAt', 'createdAt', 'investmentMin', '-investmentMin', '-updatedAt'] as const) {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { data } = await api.GET('/v1/opportunities', { params: { query: { sort, limit: 5, ...(cursor && { cursor }) } } });
      seen.push(...data!.data.map((o) => o.id));
      cursor = data!.nextCursor ?? undefined;
      pages += 1;
      if (pages === 2) {
        // A new opportunity mid-walk must not shift the pages that follow.
        const { data: extra } = await api.POST('/v1/opportunities', { body: opportunityBody() });
        await api.POST('/v1/opportunities/{id}/publish', { params: { path: { id: extra!.id } } });
        ids.push(extra!.id);
      }
    } while (cursor);
    t.equal(new Set(seen).size, seen.length, `${sort}: no duplicates`);
    const missing = ids.slice(0, 23).filter((id) => !seen.includes(id));
    t.same(missing, [], `${sort}: no gaps among the rows that existed when the walk began`);
  }
  const first = await api.GET('/v1/opportunities', { params: { query: { sort: 'createdAt', limit: 5 } } });
  const mismatch = await api.GET('/v1/opportunities', { params: { query: { sort: '-investmentMin', cursor: first.data!.nextCursor! } } });
  t.equal(mismatch.response.status, 400, 'a cursor only works with its own sort');
  t.equal(mismatch.error?.code, 'invalid-cursor');
});
