import type { SectorLeaf, Technology } from '../codes.ts';

/** A concept as the recogniser needs it: a code, its tags and its terms in any language. */
export interface SearchConcept<Language extends string = string> {
  code: string;
  sectors: readonly SectorLeaf[];
  technologies: readonly Technology[];
  terms: Readonly<Record<Language, readonly string[]>>;
}

/** A concept found in a text: which one, and the term that named it, as written in the lexicon. */
export interface RecognisedConcept<Language extends string = string> {
  code: string;
  term: string;
  language: Language;
}

const LATIN_WITH_MARKS = /[\u00C0-\u024F\u1E00-\u1EFF]/g;
const LATIN_TERM = /^[\p{Script=Latin}\p{N}\s.\-/&+]+$/u;

/**
 * The form both terms and queries are compared in: compatibility-normalised (full-width
 * letters and half-width katakana folded), lower-case, Latin accents removed, spaces collapsed.
 * Kana voicing marks are kept: が and か are different words.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(LATIN_WITH_MARKS, (letter) => letter.normalize('NFD').replace(/\p{Mn}/gu, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface CompiledTerm<Language extends string> {
  concept: SearchConcept<Language>;
  term: string;
  language: Language;
  pattern: RegExp;
}

/**
 * Latin terms match whole Latin words (mRNAワクチン has one), allowing an English plural; terms in other scripts match
 * anywhere, since Korean attaches particles (혈액백을) and Japanese and Chinese have no spaces.
 */
function compile<Language extends string>(concept: SearchConcept<Language>, term: string, language: Language): CompiledTerm<Language> {
  const normalized = escape(normalizeForSearch(term));
  const pattern = LATIN_TERM.test(term)
    ? new RegExp(`(?<![\\p{Script=Latin}\\p{N}])${normalized}(?:s|es)?(?![\\p{Script=Latin}\\p{N}])`, 'gu')
    : new RegExp(normalized, 'gu');
  return { concept, term, language, pattern };
}

/** Recognises lexicon concepts in free text; built once per lexicon. */
export class ConceptRecogniser<Language extends string = string> {
  readonly #terms: CompiledTerm<Language>[];
  readonly #byCode: ReadonlyMap<string, SearchConcept<Language>>;

  constructor(concepts: readonly SearchConcept<Language>[]) {
    this.#terms = concepts.flatMap((concept) =>
      (Object.entries(concept.terms) as [Language, readonly string[]][]).flatMap(([language, terms]) =>
        terms.map((term) => compile(concept, term, language)),
      ),
    );
    this.#byCode = new Map(concepts.map((concept) => [concept.code, concept]));
  }

  concept(code: string): SearchConcept<Language> | undefined {
    return this.#byCode.get(code);
  }

  /**
   * The concepts named in `text`, in the order they appear, each once. Overlapping terms are
   * resolved longest first, so "fraksionasi plasma" is one concept, and "vaksin" inside
   * "vaksin DNA" does not count again.
   */
  recognise(text: string): RecognisedConcept<Language>[] {
    const normalized = normalizeForSearch(text);
    const hits: { start: number; end: number; term: CompiledTerm<Language> }[] = [];
    for (const term of this.#terms) {
      for (const match of normalized.matchAll(term.pattern)) hits.push({ start: match.index, end: match.index + match[0].length, term });
    }
    hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken: typeof hits = [];
    for (const hit of hits) {
      if (taken.every((other) => hit.end <= other.start || hit.start >= other.end)) taken.push(hit);
    }
    taken.sort((a, b) => a.start - b.start);
    const seen = new Set<string>();
    return taken.flatMap(({ term }) => {
      if (seen.has(term.concept.code)) return [];
      seen.add(term.concept.code);
      return [{ code: term.concept.code, term: term.term, language: term.language }];
    });
  }
}

/** Whether an opportunity carries a concept's tags: its sector, or one of its technologies. */
export function isTaggedWith(concept: SearchConcept, tags: { sector: SectorLeaf; technologies: readonly Technology[] }): boolean {
  return concept.sectors.includes(tags.sector) || concept.technologies.some((technology) => tags.technologies.includes(technology));
}

const CJK_RUN = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;

/**
 * Character bigrams of the Korean, Japanese and Chinese runs in a query (a single character
 * stands for itself). Trigrams need three characters and a server that classifies CJK
 * characters as letters; bigrams cover two-character words such as 백신 and 疫苗 on any server.
 */
export function cjkBigrams(text: string): string[] {
  const grams = new Set<string>();
  for (const [run] of normalizeForSearch(text).matchAll(CJK_RUN)) {
    if (run.length === 1) grams.add(run);
    for (let i = 0; i + 1 < run.length; i++) grams.add(run.slice(i, i + 2));
  }
  return [...grams];
}
