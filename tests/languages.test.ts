import fc from 'fast-check';
import t from 'tap';
import { UI_LANGUAGES } from '../src/domain/codes.ts';
import { CONTENT_LANGUAGE_TAGS } from '../src/http/plugins/language.ts';
import { buildTestApp } from './helpers/app.ts';

const REFERENCE_LISTS = ['/v1/sectors', '/v1/technologies', '/v1/transfer-depths', '/v1/modalities', '/v1/provinces', '/v1/island-groups'];

// One app for the whole file: these tests only read.
const { app } = await buildTestApp(t);

const varyFields = (header: string | string[] | number | undefined) =>
  String(header ?? '')
    .split(',')
    .map((field) => field.trim().toLowerCase())
    .filter(Boolean);

t.test('Accept-Language negotiation', async (t) => {
  const languageFor = async (header: string) => {
    const response = await app.inject({ method: 'GET', url: '/v1/modalities', headers: { 'accept-language': header } });
    t.equal(response.statusCode, 200, header);
    return response.headers['content-language'];
  };
  const cases: [string, string][] = [
    ['ko-KR', 'ko'],
    ['ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7', 'ko'],
    ['ja-JP', 'ja'],
    ['zh-CN,zh;q=0.9', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hans'],
    ['id-ID', 'id'],
    ['fr-FR, ja;q=0.5', 'ja'],
    ['id;q=0.4, ja;q=0.8', 'ja'],
    ['ko;q=0, *', 'en'],
    ['de', 'en'],
    ['', 'en'],
  ];
  for (const [header, expected] of cases) t.equal(await languageFor(header), expected, `${header || '(empty)'} → ${expected}`);

  const none = await app.inject({ method: 'GET', url: '/v1/modalities' });
  t.equal(none.headers['content-language'], 'en', 'no header: English, and said so');
  t.ok(varyFields(none.headers.vary).includes('accept-language'));
});

t.test('?lang= overrides Accept-Language and is refused when unknown', async (t) => {
  const overridden = await app.inject({ method: 'GET', url: '/v1/sectors?lang=zh', headers: { 'accept-language': 'ko' } });
  t.equal(overridden.headers['content-language'], 'zh-Hans');
  t.equal(overridden.json().data.find((s: { code: string }) => s.code === 'vaccines').name, '疫苗');
  const tag = await app.inject({ method: 'GET', url: '/v1/sectors?lang=ko-KR' });
  t.equal(tag.headers['content-language'], 'ko', 'a regional tag works in ?lang= too');

  const strictQuery = await app.inject({ method: 'GET', url: '/v1/opportunities?lang=ja&limit=5' });
  t.equal(strictQuery.statusCode, 200, 'routes with strict query schemas accept lang');
  t.equal(strictQuery.headers['content-language'], 'ja');

  for (const bad of ['xx', 'ko,ja', '*', '']) {
    const response = await app.inject({ method: 'GET', url: `/v1/sectors?lang=${encodeURIComponent(bad)}`, headers: { 'accept-language': 'ko' } });
    t.equal(response.statusCode, 400, `lang=${bad}`);
    t.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    const problem = response.json();
    t.equal(problem.code, 'unsupported-language');
    t.same(problem.errors.map((e: { field: string; in: string }) => [e.in, e.field]), [['querystring', 'lang']]);
    t.equal(problem.title, '잘못된 요청', 'the problem itself follows Accept-Language');
    t.equal(response.headers['content-language'], 'ko');
  }
});

t.test('every reference list answers in all five languages', async (t) => {
  for (const url of REFERENCE_LISTS) {
    for (const lang of UI_LANGUAGES) {
      const response = await app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
      t.equal(response.headers['content-language'], CONTENT_LANGUAGE_TAGS[lang], `${url} ${lang}`);
      const items: { name: string; names: Record<string, string> }[] = response.json().data;
      t.ok(items.every((item) => item.name === item.names[lang] && item.name.trim() !== ''), `${url}: names in ${lang}`);
    }
  }
  const provinces = async (lang: string) =>
    (await app.inject({ method: 'GET', url: `/v1/provinces?lang=${lang}` })).json().data.find((p: { code: string }) => p.code === 'ID-JI').name;
  t.same(
    [await provinces('id'), await provinces('en'), await provinces('ko'), await provinces('ja'), await provinces('zh')],
    ['Jawa Timur', 'East Java', '동자바주', '東ジャワ州', '东爪哇省'],
  );
  for (const [lang, korea] of [['ko', '대한민국'], ['ja', '大韓民国'], ['zh', '韩国'], ['id', 'Korea Selatan']] as const) {
    const countries = await app.inject({ method: 'GET', url: `/v1/countries?lang=${lang}` });
    t.equal(countries.headers['content-language'], CONTENT_LANGUAGE_TAGS[lang]);
    t.equal(countries.json().data.find((c: { code: string }) => c.code === 'KR').name, korea, `Korea in ${lang}`);
    const partners = await app.inject({ method: 'GET', url: `/v1/health-partners?lang=${lang}` });
    t.equal(partners.json().data.find((p: { country: string }) => p.country === 'KR').countryName, korea, `health partner Korea in ${lang}`);
  }
});

t.test('Vary is appended to, never replaced', async (t) => {
  const response = await app.inject({
    method: 'GET',
    url: '/v1/sectors',
    headers: { origin: 'https://kotra.example.kr', 'accept-language': 'ko' },
  });
  const fields = varyFields(response.headers.vary);
  t.ok(fields.includes('origin'), `CORS keeps its Vary: Origin (${response.headers.vary})`);
  t.ok(fields.includes('accept-language'));
  t.equal(new Set(fields).size, fields.length, 'no field twice');
});

t.test('problem titles follow the language', async (t) => {
  const titles = new Map<string, string>();
  for (const lang of UI_LANGUAGES) {
    const missing = await app.inject({ method: 'GET', url: '/v1/opportunities/0195f7e2-5b4c-7c3e-9a51-2f1d8c6b7a10', headers: { 'accept-language': lang } });
    t.equal(missing.statusCode, 404);
    t.equal(missing.headers['content-language'], CONTENT_LANGUAGE_TAGS[lang]);
    titles.set(lang, missing.json().title);
    const invalid = await app.inject({ method: 'GET', url: '/v1/opportunities?limit=0', headers: { 'accept-language': lang } });
    t.equal(invalid.json().code, 'validation-failed');
    t.not(invalid.json().title, '', `validation title in ${lang}`);
  }
  t.same(Object.fromEntries(titles), { en: 'Not found', id: 'Tidak ditemukan', ko: '찾을 수 없음', ja: '見つかりません', zh: '未找到' });
  const noRoute = await app.inject({ method: 'GET', url: '/v1/nothing-here', headers: { 'accept-language': 'ja' } });
  t.equal(noRoute.json().title, '見つかりません', 'also for a route that does not exist');
});

t.test('any Accept-Language header gets a 200 in one of the five languages', async (t) => {
  const range = fc.oneof(
    fc.constantFrom('ko', 'ko-KR', 'ja', 'zh', 'zh-TW', 'zh-Hans-CN', 'id', 'en-GB', 'fr', '*', 'x-klingon'),
    fc.string({ maxLength: 12 }),
  );
  const header = fc
    .array(fc.tuple(range, fc.option(fc.double({ min: 0, max: 1, noNaN: true }))), { minLength: 1, maxLength: 4 })
    .map((ranges) => ranges.map(([tag, q]) => (q === null ? tag : `${tag};q=${q.toFixed(3)}`)).join(', '))
    .filter((value) => /^[\x20-\x7e]*$/.test(value));
  await fc.assert(
    fc.asyncProperty(header, async (value) => {
      const response = await app.inject({ method: 'GET', url: '/v1/transfer-depths', headers: { 'accept-language': value } });
      return response.statusCode === 200 && Object.values(CONTENT_LANGUAGE_TAGS).includes(String(response.headers['content-language']));
    }),
    { numRuns: 60 },
  );
  t.pass('60 generated headers');
});

t.test('the OpenAPI document declares the language headers on every API operation', async (t) => {
  const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  let operations = 0;
  for (const [path, item] of Object.entries<Record<string, { parameters?: { in: string; name: string }[]; responses: Record<string, { headers?: object }> }>>(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const [method, operation] of Object.entries(item)) {
      operations += 1;
      const parameters = (operation.parameters ?? []).map((p) => `${p.in}:${p.name}`);
      t.ok(parameters.includes('header:accept-language') && parameters.includes('query:lang'), `${method} ${path} parameters`);
      for (const [status, response] of Object.entries(operation.responses)) {
        t.ok(response.headers && 'content-language' in response.headers, `${method} ${path} ${status} Content-Language`);
      }
    }
  }
  t.ok(operations > 20);
});

t.test('every demo opportunity has Korean, Japanese and Chinese titles and summaries', async (t) => {
  const { DEMO_OPPORTUNITIES } = await import('../db/demo/opportunities.ts');
  const script = { ko: /[\uac00-\ud7a3]/, ja: /[\u3040-\u30ff]/, zh: /^[^\u3040-\u30ff\uac00-\ud7a3]*[\u4e00-\u9fff][^\u3040-\u30ff\uac00-\ud7a3]*$/ };
  for (const opportunity of DEMO_OPPORTUNITIES) {
    for (const [lang, pattern] of Object.entries(script) as [keyof typeof script, RegExp][]) {
      t.match(opportunity.title[lang] ?? '', pattern, `${opportunity.key} title in ${lang}`);
      t.match(opportunity.summary[lang] ?? '', pattern, `${opportunity.key} summary in ${lang}`);
    }
  }
});
