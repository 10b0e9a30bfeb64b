import t from 'tap';
import { DEMO_OPPORTUNITIES } from '../db/demo/opportunities.ts';
import { seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { buildTestApp, openTestDatabase } from './helpers/app.ts';

t.test('the match preview reads a profile from free text in any of the five languages', async (t) => {
  const database = await openTestDatabase(t);
  await seedDemoDataIfEmpty(database);
  const { api, inject } = await buildTestApp(t, database);
  const bloodBags = new Set(
    DEMO_OPPORTUNITIES.filter((o) => o.status === 'published' && o.technologies.includes('blood-bag-manufacturing')).map((o) => o.title.en),
  );
  t.ok(bloodBags.size > 0);

  const preview = async (text: string, language = 'ko') => {
    const { data, error } = await api.POST('/v1/matches/preview', { body: { text }, headers: { 'accept-language': language } });
    t.notOk(error, JSON.stringify(error));
    return data!;
  };

  const korean = await preview('혈액백 제조, 동자바 투자 희망');
  t.same(korean.recognised?.technologies, ['blood-bag-manufacturing']);
  t.same(korean.recognised?.preferredProvinces, ['ID-JI'], '동자바 is East Java');
  t.same(korean.recognised?.concepts.map((c) => [c.code, c.term, c.language]), [['blood-bag', '혈액백', 'ko']]);
  t.same(korean.recognised?.places.map((p) => p.term), ['동자바']);
  const titles = (page: typeof korean) =>
    page.data.map((match) => DEMO_OPPORTUNITIES.find((o) => Object.values(o.title).includes(match.opportunity.title))?.title.en);
  t.same(new Set(titles(korean).slice(0, bloodBags.size)), bloodBags, 'the blood-bag opportunities come first');
  t.match(korean.data[0]!.factors.find((f) => f.factor === 'location')?.text ?? '', /동자바주/, 'reasons name the province in Korean');

  for (const [text, language] of [
    ['We make blood bags and want to invest in East Java', 'en'],
    ['血液バッグの製造、東ジャワ州への投資を希望', 'ja'],
    ['生产血袋，希望投资东爪哇', 'zh'],
    ['Produsen kantong darah, minat investasi di Jawa Timur', 'id'],
  ] as const) {
    const page = await preview(text, language);
    t.same(page.recognised?.preferredProvinces, ['ID-JI'], `${language}: East Java`);
    t.same(new Set(titles(page).slice(0, bloodBags.size)), bloodBags, `${language}: blood bags first`);
  }

  const island = await preview('백신 생산, 자바 지역');
  t.same(island.recognised?.sectors, [], 'vaccine names technologies, which are sharper than its sector');
  t.same(island.recognised?.technologies, ['cell-culture-vaccine']);
  t.same(island.recognised?.preferredIslandGroups, ['java']);

  // Nothing recognised and nothing stated leaves no factor to rank by: refused, as an empty profile is.
  const nothing = await api.POST('/v1/matches/preview', { body: { text: 'xyz' } });
  t.equal(nothing.response.status, 400);
  t.match(nothing.error, { code: 'weights-ineffective' });
  const partly = await preview('xyz 백신');
  t.ok(partly.recognised?.concepts.length, 'what is recognised is said');
  const withoutText = await api.POST('/v1/matches/preview', { body: { profile: { sectors: ['vaccines'] } } });
  t.equal(withoutText.data?.recognised, undefined, 'no text, no recognised');

  for (const body of [{ text: '' }, { text: 'x'.repeat(501) }, { text: 42 }, { text: 'a\u0000b' }]) {
    const response = await inject({ method: 'POST', url: '/v1/matches/preview', payload: body });
    t.equal(response.statusCode, 400, `bad text ${JSON.stringify(body).slice(0, 30)}`);
    t.equal(response.json().errors?.[0]?.field, 'text');
  }
});
