import t from 'tap';
import { DEMO_OPPORTUNITIES } from '../db/demo/opportunities.ts';
import { seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { buildTestApp } from './helpers/app.ts';
import { opportunityBody } from './helpers/fixtures.ts';

const published = DEMO_OPPORTUNITIES.filter((o) => o.status === 'published');

t.test('search across languages over the demo data', async (t) => {
  const { api, app, database } = await buildTestApp(t);
  await seedDemoDataIfEmpty(database);
  const search = async (query: Record<string, unknown>) => {
    const { data, error } = await api.GET('/v1/opportunities', { params: { query: { limit: 100, ...query } } });
    t.notOk(error, JSON.stringify(error));
    return data!;
  };

  t.test('vaccine in five languages: the vaccine opportunities first', async (t) => {
    const vaccines = new Set(published.filter((o) => o.sector === 'vaccines').map((o) => o.title.en));
    t.ok(vaccines.size >= 2);
    for (const q of ['vaksin', 'vaccine', '백신', 'ワクチン', '疫苗']) {
      const page = await search({ q });
      const titles = page.data.map((o) => o.title.en);
      t.same(new Set(titles.slice(0, vaccines.size)), vaccines, `q=${q}: ${titles.slice(0, vaccines.size + 1).join(' | ')}`);
      t.same(page.query?.concepts.map((c) => c.code), ['vaccine'], `q=${q} is the vaccine concept`);
      t.ok(page.data.slice(0, vaccines.size).every((o) => o.matchedConcepts?.includes('vaccine')), `q=${q}: each says which concept matched`);
    }
  });

  t.test('a concept finds opportunities with no text in the query language', async (t) => {
    const bloodBags = published.filter((o) => o.technologies.includes('blood-bag-manufacturing')).map((o) => o.title.en);
    const { id } = (await api.POST('/v1/opportunities', {
      body: opportunityBody({ title: { id: 'Produksi kantong darah di Batam', en: 'Blood bag production in Batam' }, technologies: ['blood-bag-manufacturing'] }),
    })).data!;
    await api.POST('/v1/opportunities/{id}/publish', { params: { path: { id } } });
    for (const q of ['血袋', '血液バッグ', '혈액백']) {
      const titles = (await search({ q })).data.map((o) => o.title.en);
      t.ok(titles.includes('Blood bag production in Batam'), `q=${q} finds the Indonesian/English-only opportunity`);
      t.ok(bloodBags.every((title) => titles.includes(title)), `q=${q} finds the demo blood-bag opportunities`);
    }
  });

  t.test('short Korean, Japanese and Chinese words without a concept: bigrams', async (t) => {
    const bandung = published.filter((o) => [o.title.ko, o.title.ja, o.title.zh].some((title) => title?.includes('반둥') || title?.includes('バンドン') || title?.includes('万隆')));
    t.ok(bandung.length > 0);
    for (const q of ['반둥', 'バンドン', '万隆']) {
      const page = await search({ q });
      t.same(page.query?.concepts, [], `q=${q} names no concept`);
      const titles = page.data.map((o) => o.title.en);
      t.ok(bandung.every((o) => titles.includes(o.title.en)), `q=${q} finds ${bandung.map((o) => o.key).join(', ')}`);
    }
    t.same((await search({ q: '없는말' })).data, [], 'an unknown word finds nothing');
  });

  t.test('relevance pages: no duplicates, no gaps, and the order is the one-page order', async (t) => {
    const all = (await search({ q: 'farmasi' })).data.map((o) => o.id);
    t.ok(all.length > 5);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search({ q: 'farmasi', limit: 3, ...(cursor && { cursor }) });
      seen.push(...page.data.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    t.same(seen, all);
  });

  t.test('other sorts still apply with q; relevance needs q', async (t) => {
    const byValue = (await search({ q: 'vaksin', sort: '-investmentMax' })).data.map((o) => o.investmentUsd.max);
    t.same(byValue, [...byValue].sort((a, b) => b - a));
    const response = await app.inject({ method: 'GET', url: '/v1/opportunities?sort=relevance' });
    t.equal(response.statusCode, 400);
    t.equal(response.json().errors[0].field, 'sort');
    const bad = await app.inject({ method: 'GET', url: '/v1/opportunities?q=a%00b' });
    t.equal(bad.statusCode, 400, 'a NUL character is refused, not a server error');
  });
});
