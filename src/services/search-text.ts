import { ConceptRecogniser, cjkBigrams, isTaggedWith, type RecognisedConcept } from '../domain/search/concepts.ts';
import type { ContentLanguage, SectorLeaf, Technology } from '../domain/codes.ts';
import type { TextSearch } from '../db/repositories/opportunities.ts';
import { CONCEPTS } from '../reference/concepts.ts';

/** The recogniser over the reviewed lexicon, built once. */
export const conceptRecogniser = new ConceptRecogniser<ContentLanguage>(CONCEPTS);

/** A text query as the repository searches it, and the concepts recognised in it. */
export function analyseQuery(text: string): { search: TextSearch; recognised: RecognisedConcept<ContentLanguage>[] } {
  const recognised = conceptRecogniser.recognise(text);
  const concepts = recognised.map(({ code }) => conceptRecogniser.concept(code)!);
  return { search: { text, concepts, bigrams: cjkBigrams(text) }, recognised };
}

/** Which of the recognised concepts an opportunity is tagged with. */
export function conceptsHit(recognised: readonly RecognisedConcept[], tags: { sector: SectorLeaf; technologies: readonly Technology[] }): string[] {
  return recognised.filter(({ code }) => isTaggedWith(conceptRecogniser.concept(code)!, tags)).map(({ code }) => code);
}
