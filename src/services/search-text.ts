import { ConceptRecogniser, cjkBigrams, isTaggedWith, type RecognisedConcept } from '../domain/search/concepts.ts';
import { ISLAND_GROUPS, type ContentLanguage, type IslandGroup, type ProvinceCode, type SectorLeaf, type Technology } from '../domain/codes.ts';
import type { TextSearch } from '../db/repositories/opportunities.ts';
import { CONCEPTS } from '../domain/reference/concepts.ts';
import type { LocalizedName } from '../domain/reference/i18n.ts';
import { ISLAND_GROUP_NAMES, PROVINCES } from '../domain/reference/provinces.ts';

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

/**
 * Korean, Japanese and Chinese province names are written with and without their suffix
 * (동자바주 or 동자바, 東ジャワ州 or 東ジャワ, 东爪哇省 or 东爪哇).
 */
const PROVINCE_SUFFIX = /(특별주|특별구|주|特別州|州|特区|省)$/u;

function placeTerms(names: LocalizedName): Record<ContentLanguage, string[]> {
  const bare = (name: string) => [...new Set([name, name.replace(PROVINCE_SUFFIX, '')])];
  return { id: [names.id], en: [names.en], ko: bare(names.ko), ja: bare(names.ja), zh: bare(names.zh) };
}

/** Provinces and island groups by name in the five languages; codes are province or island-group codes. */
const placeRecogniser = new ConceptRecogniser<ContentLanguage>([
  ...PROVINCES.map((province) => ({ code: province.code, sectors: [], technologies: [], terms: placeTerms(province.names) })),
  ...ISLAND_GROUPS.map((group) => ({ code: group, sectors: [], technologies: [], terms: placeTerms(ISLAND_GROUP_NAMES[group]) })),
]);

export interface ProfileFromText {
  sectors: SectorLeaf[];
  technologies: Technology[];
  preferredProvinces: ProvinceCode[];
  preferredIslandGroups: IslandGroup[];
  /** Lexicon concepts and places found, with the terms that named them. */
  concepts: RecognisedConcept<ContentLanguage>[];
  places: RecognisedConcept<ContentLanguage>[];
}

/**
 * Profile fields read from a visitor's own words ("혈액백 제조, 동자바 투자 희망"): the
 * technologies of the concepts named, the sectors of concepts that name a sector and no
 * technology (a technology is the sharper signal), and the places named.
 */
export function profileFromText(text: string): ProfileFromText {
  const concepts = conceptRecogniser.recognise(text);
  const tags = concepts.map(({ code }) => conceptRecogniser.concept(code)!);
  const places = placeRecogniser.recognise(text);
  const isGroup = (code: string): code is IslandGroup => (ISLAND_GROUPS as readonly string[]).includes(code);
  return {
    sectors: [...new Set(tags.filter((concept) => concept.technologies.length === 0).flatMap((concept) => concept.sectors))],
    technologies: [...new Set(tags.flatMap((concept) => concept.technologies))],
    preferredProvinces: places.map(({ code }) => code).filter((code): code is ProvinceCode => !isGroup(code)),
    preferredIslandGroups: places.map(({ code }) => code).filter(isGroup),
    concepts,
    places,
  };
}

/** The profile with the fields read from the visitor's text added to those given. */
export function withRecognised<P extends { sectors: string[]; technologies: string[]; preferredProvinces: string[]; preferredIslandGroups: string[] }>(
  profile: P,
  recognised: ProfileFromText,
): P {
  const union = <T extends string>(given: T[], found: readonly T[]) => [...new Set([...given, ...found])];
  return {
    ...profile,
    sectors: union(profile.sectors, recognised.sectors),
    technologies: union(profile.technologies, recognised.technologies),
    preferredProvinces: union(profile.preferredProvinces, recognised.preferredProvinces),
    preferredIslandGroups: union(profile.preferredIslandGroups, recognised.preferredIslandGroups),
  };
}
