import fc from 'fast-check';
import t from 'tap';
import {
  ISLAND_GROUPS,
  MODALITIES,
  PROVINCE_CODES,
  SECTOR_CODES,
  TECHNOLOGIES,
  TRANSFER_DEPTHS,
  UI_LANGUAGES,
  type UiLanguage,
} from '../../src/domain/codes.ts';
import { defaultMatchingReference, defaultNameLookup } from '../../src/domain/matching/default-reference.ts';
import { explainPairScore, renderBadge, renderReason } from '../../src/domain/matching/explain.ts';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/model.ts';
import { scorePair, type Reason } from '../../src/domain/matching/score.ts';
import type { MatchableInvestor, MatchableOpportunity } from '../../src/domain/matching/types.ts';
import { investor, opportunity, weights } from './fixtures/arbitraries.ts';
import { holds } from './fixtures/check.ts';
import { names, ref } from './fixtures/reference.ts';

const bloodBagMaker: MatchableInvestor = {
  id: 'inv',
  country: 'KR',
  sectors: ['medical-consumables'],
  technologies: ['blood-bag-manufacturing'],
  maxTransferDepth: 'full-transfer',
  modalities: ['joint-venture'],
  preferredProvinces: ['ID-JI'],
  preferredIslandGroups: [],
  ticketUsd: null,
};

const bloodBagPlant: MatchableOpportunity = {
  id: 'opp',
  sector: 'medical-consumables',
  technologies: ['blood-bag-manufacturing'],
  requiredTransferDepth: 'full-transfer',
  modalities: ['joint-venture'],
  province: 'ID-JI',
  investmentUsd: { min: 10_000_000, max: 20_000_000 },
};

t.test('sentences for a blood-bag match, in English and Indonesian', async (t) => {
  const pair = scorePair(bloodBagMaker, bloodBagPlant, DEFAULT_WEIGHTS, ref);
  const en = explainPairScore(pair, 'en', names);
  t.same(
    en.factors.map((f) => f.text),
    [
      'Exact sector match: Medical consumables',
      'Holds 1 of 1 technologies sought (Blood-bag manufacturing); willing to go as far as full transfer with local manufacturing, as required',
      'Preferred province: East Java',
      'No preference stated — left out of the score',
      'Accepts 1 of 1 modalities offered (Joint venture)',
    ],
  );
  t.same(en.badges.map((b) => b.text), ['Indonesia has a health cooperation agreement with South Korea']);
  const id = explainPairScore(pair, 'id', names);
  t.same(
    id.factors.slice(0, 4).map((f) => f.text),
    [
      'Sektor sama persis: Bahan medis habis pakai',
      'Menguasai 1 dari 1 teknologi yang dicari (Pembuatan kantong darah); bersedia hingga alih teknologi penuh dengan produksi lokal, sesuai yang disyaratkan',
      'Provinsi pilihan: Jawa Timur',
      'Tidak ada preferensi — tidak dihitung dalam skor',
    ],
  );
  t.equal(id.badges[0]!.text, 'Indonesia memiliki kerja sama kesehatan dengan Korea Selatan');
  t.equal(id.score, pair.score);
  t.same(id.factors.map(({ text: _text, ...f }) => f), pair.factors, 'rendering adds text and nothing else');
});

t.test('size and distance sentences format money and numbers per language', async (t) => {
  const gap: Reason = {
    code: 'size-gap',
    params: { min: 150_000_000, max: 150_000_000, ticketMin: 1_500_000, ticketMax: 999_999, direction: 'above', times: 150 },
  };
  // The ticket bounds are deliberately odd to exercise unit roll-over (999,999 → 1M).
  t.equal(renderReason(gap, 'en', names), 'Investment US$150M is about 150× above the ticket range US$1.5M–US$1M');
  t.equal(renderReason(gap, 'id', names), 'Nilai investasi US$150 juta sekitar 150× di atas kisaran tiket US$1,5 juta – US$1 juta');
  t.equal(renderReason(gap, 'ko', names), '투자 규모 1.5억 달러: 희망 투자 규모 150만~100만 달러의 약 150배');
  t.equal(renderReason(gap, 'ja', names), '投資規模1.5億ドルは希望投資額150万〜100万ドルの約150倍');
  const below: Reason = { ...gap, params: { ...gap.params, direction: 'below', times: 2.5 } };
  t.equal(renderReason(below, 'ko', names), '투자 규모 1.5억 달러: 희망 투자 규모 150만~100만 달러의 약 2.5분의 1');
  t.equal(renderReason(below, 'id', names), 'Nilai investasi US$150 juta sekitar 2,5× di bawah kisaran tiket US$1,5 juta – US$1 juta');
  const far: Reason = { code: 'location-distance', params: { province: 'ID-PA', nearest: 'ID-JI', distanceKm: 3142 } };
  t.equal(renderReason(far, 'en', names), 'Papua is about 3,142 km from the nearest preferred location (East Java)');
  t.equal(renderReason(far, 'id', names), 'Papua berjarak sekitar 3.142 km dari lokasi pilihan terdekat (Jawa Timur)');
  const touching: Reason = {
    code: 'size-overlap',
    params: { min: 1e6, max: 5e6, ticketMin: 5e6, ticketMax: 3e7, overlapPercent: 0 },
  };
  t.equal(renderReason(touching, 'en', names), 'Investment US$1M–US$5M meets the ticket range US$5M–US$30M only at its edge');
});

t.test('unknown codes fall back to the code itself', async (t) => {
  for (const lang of UI_LANGUAGES) {
    t.equal(renderReason({ code: 'something-new', params: {} }, lang, names), 'something-new');
    t.equal(renderBadge({ code: 'other-badge', params: {} }, lang, names), 'other-badge');
  }
});

const HYPHENATED_CODES = [...SECTOR_CODES, ...TECHNOLOGIES, ...MODALITIES, ...TRANSFER_DEPTHS, ...ISLAND_GROUPS].filter(
  (c) => c.includes('-'),
);
const SCRIPT: Record<UiLanguage, RegExp> = {
  en: /^[\x20-\x7e–—×]+$/,
  id: /^[\x20-\x7e–—×]+$/,
  ko: /[\uac00-\ud7a3]/,
  ja: /[\u3040-\u30ff\u4e00-\u9fff]/,
  zh: /[\u4e00-\u9fff]/,
};

t.test('every reason and badge renders as a clean sentence in all four languages', async (t) => {
  holds(
    t,
    fc.property(investor, opportunity, weights, fc.constantFrom(...UI_LANGUAGES), (i, o, w, lang) => {
      const pair = scorePair({ ...i, country: 'KR' }, o, w, defaultMatchingReference);
      const texts = [
        ...pair.factors.map((f) => renderReason(f.reason, lang, defaultNameLookup)),
        ...pair.badges.map((b) => renderBadge(b, lang, defaultNameLookup)),
      ];
      return texts.every(
        (text) =>
          text.length > 5 &&
          !/undefined|NaN|null|\[object|\$\{/.test(text) &&
          !PROVINCE_CODES.some((c) => text.includes(c)) &&
          !HYPHENATED_CODES.some((c) => text.includes(c)) &&
          SCRIPT[lang].test(text),
      );
    }),
    { numRuns: 1000 },
  );
});

t.test('the default reference covers every code and matches the real map', async (t) => {
  for (const code of PROVINCE_CODES) {
    const p = defaultMatchingReference.province(code);
    t.ok(ISLAND_GROUPS.includes(p.islandGroup) && Number.isFinite(p.lat) && Number.isFinite(p.lon), code);
  }
  t.equal(defaultMatchingReference.sectorParent('vaccines'), 'pharmaceuticals');
  t.equal(defaultMatchingReference.sectorParent('medical-devices'), null);
  t.equal(defaultMatchingReference.hasHealthPartnership('KR'), true);
  t.equal(defaultMatchingReference.hasHealthPartnership('XX'), false);
  const pair = scorePair(bloodBagMaker, { ...bloodBagPlant, province: 'ID-PA' }, DEFAULT_WEIGHTS, defaultMatchingReference);
  const location = pair.factors.find((f) => f.factor === 'location')!;
  t.equal(location.reason.code, 'location-distance');
  t.ok(Math.abs((location.reason.params.distanceKm as number) - 3142) <= 5, 'Surabaya–Jayapura ≈ 3,140 km');
  t.equal(renderReason(location.reason, 'ja', defaultNameLookup), 'パプア州は最も近い希望地域(東ジャワ州)から約3,141km');
  t.equal(renderReason(location.reason, 'zh', defaultNameLookup), '巴布亚省距最近的意向地区（东爪哇省）约3,141公里');
});

t.test("reasons take every place, sector and technology name from the lookup, for the caller's language", async (t) => {
  // A lookup that marks each name with its code and language: whatever names the reference
  // holds for a language reach the sentence as they are, with no name of its own.
  const marked = {
    ...defaultNameLookup,
    sector: (code: string, lang: UiLanguage) => `«sector ${code} ${lang}»`,
    technology: (code: string, lang: UiLanguage) => `«technology ${code} ${lang}»`,
    province: (code: string, lang: UiLanguage) => `«province ${code} ${lang}»`,
    islandGroup: (code: string, lang: UiLanguage) => `«group ${code} ${lang}»`,
  };
  const reasons: Reason[] = [
    { code: 'sector-exact', params: { sector: 'vaccines' } },
    { code: 'sector-sibling', params: { sector: 'vaccines', parent: 'pharmaceuticals', listed: ['recombinant-proteins'] } },
    { code: 'location-province', params: { province: 'ID-JI' } },
    { code: 'location-island-group', params: { province: 'ID-JI', islandGroup: 'java' } },
    { code: 'location-distance', params: { province: 'ID-PA', nearest: 'ID-JI', distanceKm: 3142 } },
    {
      code: 'technology',
      params: { sought: ['viral-vector', 'nucleic-acid'], held: ['viral-vector'], missing: ['nucleic-acid'], coverage: 0.5, required: 'licensing', depthFit: 1, stepsShort: 0, willing: 'licensing' },
    },
  ];
  const expected: Record<string, string[]> = {
    'sector-exact': ['sector vaccines'],
    'sector-sibling': ['sector vaccines', 'sector pharmaceuticals', 'sector recombinant-proteins'],
    'location-province': ['province ID-JI'],
    'location-island-group': ['province ID-JI', 'group java'],
    'location-distance': ['province ID-PA', 'province ID-JI'],
    technology: ['technology viral-vector', 'technology nucleic-acid'],
  };
  for (const lang of UI_LANGUAGES) {
    for (const reason of reasons) {
      const text = renderReason(reason, lang, marked);
      for (const name of expected[reason.code]!) t.ok(text.includes(`«${name} ${lang}»`), `${lang} ${reason.code}: ${name}`);
    }
  }
});
