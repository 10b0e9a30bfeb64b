import fc from 'fast-check';
import t from 'tap';
import { CONTENT_LANGUAGES, SECTOR_LEAVES, TECHNOLOGIES } from '../../src/domain/codes.ts';
import { ConceptRecogniser, cjkBigrams, normalizeForSearch } from '../../src/domain/search/concepts.ts';
import { CONCEPTS } from '../../src/domain/reference/concepts.ts';

const recogniser = new ConceptRecogniser(CONCEPTS);

/** What each language's terms may be written in: its own script, or Latin abbreviations (PCR, mRNA). */
const SCRIPT: Record<(typeof CONTENT_LANGUAGES)[number], RegExp> = {
  id: /^[a-z0-9 -]+$/,
  en: /^[a-z0-9 -]+$/,
  ko: /^(?=.*[\uac00-\ud7a3]|^[A-Za-z]+$)[\uac00-\ud7a3A-Za-z0-9 ·]+$/,
  ja: /^(?=.*[\u3040-\u30ff\u4e00-\u9fff]|^[A-Za-z]+$)[\u3040-\u30ff\u4e00-\u9fffA-Za-z0-9・ー]+$/,
  zh: /^(?=.*[\u4e00-\u9fff]|^[A-Za-z]+$)[\u4e00-\u9fffA-Za-z0-9]+$/,
};

t.test('every lexicon term is recognised as its own concept', async (t) => {
  let terms = 0;
  for (const concept of CONCEPTS) {
    for (const language of CONTENT_LANGUAGES) {
      for (const term of concept.terms[language]) {
        terms += 1;
        t.same(
          recogniser.recognise(term).map((found) => found.code),
          [concept.code],
          `${language} "${term}" → ${concept.code}`,
        );
        t.match(term, SCRIPT[language], `${language} "${term}" is written in its language's script`);
      }
    }
  }
  t.ok(terms >= 400, `${terms} terms`);
});

t.test('the lexicon is well formed', async (t) => {
  const codes = CONCEPTS.map((concept) => concept.code);
  t.equal(new Set(codes).size, codes.length, 'concept codes are unique');
  const owners = new Map<string, string>();
  for (const concept of CONCEPTS) {
    t.ok(concept.sectors.length + concept.technologies.length > 0, `${concept.code} maps to at least one code`);
    t.ok(concept.sectors.every((sector) => (SECTOR_LEAVES as readonly string[]).includes(sector)), `${concept.code} sectors are leaves`);
    t.ok(concept.technologies.every((technology) => (TECHNOLOGIES as readonly string[]).includes(technology)), `${concept.code} technologies exist`);
    for (const language of CONTENT_LANGUAGES) {
      t.ok(concept.terms[language].length > 0, `${concept.code} has a ${language} term`);
      for (const term of concept.terms[language]) {
        const key = normalizeForSearch(term);
        const owner = owners.get(key);
        t.ok(owner === undefined || owner === concept.code, `"${term}" belongs to one concept only (${owner ?? concept.code})`);
        owners.set(key, concept.code);
      }
    }
  }
  for (const sector of SECTOR_LEAVES) t.ok(CONCEPTS.some((concept) => concept.sectors.includes(sector)), `some concept names sector ${sector}`);
  for (const technology of TECHNOLOGIES) {
    t.ok(CONCEPTS.some((concept) => concept.technologies.includes(technology)), `some concept names technology ${technology}`);
  }
});

t.test('recognition in running text', async (t) => {
  const codes = (text: string) => recogniser.recognise(text).map((found) => found.code);
  t.same(codes('혈액백 제조, 동자바 투자 희망'), ['blood-bag']);
  t.same(codes('Kami mencari mitra untuk fraksionasi plasma dan vaksin'), ['plasma-derived', 'vaccine']);
  t.same(codes('mRNAワクチンの原薬'), ['nucleic-acid', 'vaccine', 'api'], 'no spaces needed in Japanese');
  t.same(codes('我们生产血袋和疫苗'), ['blood-bag', 'vaccine']);
  t.same(codes('VACCINES and Blood Bags'), ['vaccine', 'blood-bag'], 'case and English plurals');
  t.same(codes('ＷＨＯ ｖａｃｃｉｎｅ'), ['vaccine'], 'full-width Latin folds');
  t.same(codes('capital'), [], '"api" only as a whole word');
  t.same(codes('vaksin vaksin vaccine'), ['vaccine'], 'each concept once');
});

t.test('any text: recognition never throws and returns lexicon concepts once each', async (t) => {
  const codes = new Set(CONCEPTS.map((concept) => concept.code));
  const allTerms = CONCEPTS.flatMap((concept) => Object.values(concept.terms).flat());
  const text = fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...allTerms)), { maxLength: 6 }).map((parts) => parts.join(' '));
  fc.assert(
    fc.property(text, (value) => {
      const found = recogniser.recognise(value).map((concept) => concept.code);
      return found.every((code) => codes.has(code)) && new Set(found).size === found.length;
    }),
  );
  t.pass('property holds');
});

t.test('CJK bigrams', async (t) => {
  t.same(cjkBigrams('백신'), ['백신']);
  t.same(cjkBigrams('疫苗'), ['疫苗']);
  t.same(cjkBigrams('血液バッグ'), ['血液', '液バ', 'バッ', 'ッグ']);
  t.same(cjkBigrams('vaccine'), [], 'Latin text has none');
  t.same(cjkBigrams('혈액백 제조'), ['혈액', '액백', '제조']);
  t.same(cjkBigrams('药'), ['药'], 'a single character stands for itself');
});
