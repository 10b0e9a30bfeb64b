import { z } from 'zod';
import { FACTORS } from '../domain/matching/types.ts';
import { BANDS, BAND_MIN_SCORE, WEIGHT_BOUNDS } from '../domain/matching/model.ts';
import { CONTENT_LANGUAGES, ISLAND_GROUPS, MODALITIES, PROVINCE_CODES, SECTOR_CODES, TECHNOLOGIES } from '../domain/codes.ts';
import { INELIGIBILITY_REASONS } from '../domain/eligibility.ts';
import { RULE_BADGES } from '../domain/rule-badges.ts';
import { Cursor, Id, PageLimit, Timestamp, UsdAmount, UsdRange, csvList, text, uniqueList } from './common.ts';
import { KnownRegency, OwnershipIntentCode } from './investment-facts.ts';
import { CountryCode } from './investors.ts';
import {
  IslandGroupCode,
  ModalityCode,
  ProvinceCodeSchema,
  SectorCodeSchema,
  SectorLeafCode,
  TechnologyCode,
  TransferDepthCode,
} from './opportunities.ts';

const Weight = z.coerce
  .number()
  .min(WEIGHT_BOUNDS.min)
  .max(WEIGHT_BOUNDS.max)
  .meta({ description: `Weight of the factor, ${WEIGHT_BOUNDS.min}–${WEIGHT_BOUNDS.max}; defaults in GET /v1/matching/model` });

const WEIGHT_PARAMS = {
  weightSector: 'sector',
  weightTechnology: 'technology',
  weightLocation: 'location',
  weightSize: 'size',
  weightModality: 'modality',
} as const;

/** Caller weights as query parameters (`weightSector=0.5`), all optional. */
const weightQuery = Object.fromEntries(Object.keys(WEIGHT_PARAMS).map((name) => [name, Weight.optional()])) as Record<
  keyof typeof WEIGHT_PARAMS,
  z.ZodOptional<typeof Weight>
>;

export function weightsFromQuery(query: Partial<Record<keyof typeof WEIGHT_PARAMS, number>>) {
  return Object.fromEntries(
    Object.entries(WEIGHT_PARAMS).flatMap(([param, factor]) => (query[param as keyof typeof WEIGHT_PARAMS] === undefined ? [] : [[factor, query[param as keyof typeof WEIGHT_PARAMS]]])),
  );
}

/** Maps a weights problem field (`weights.sector`) to the query parameter the caller sent. */
export const weightParamOf = (field: string) =>
  Object.entries(WEIGHT_PARAMS).find(([, factor]) => field === `weights.${factor}`)?.[0] ?? field;

const MinScore = z.coerce.number().min(0).max(100).meta({ description: 'Leave out matches scoring below this (0–100)' });

const IncludeIneligible = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .meta({ description: 'Also show pairs that cannot legally happen (foreign-equity caps), marked with `eligibility.eligible: false`; default false' });

const matchPaging = { limit: PageLimit, cursor: Cursor.optional(), minScore: MinScore.optional(), includeIneligible: IncludeIneligible.optional() };

export const OpportunityMatchQuery = z
  .object({
    ...matchPaging,
    sector: csvList(SectorCodeSchema, SECTOR_CODES.length, 'Only opportunities in these sectors (a parent stands for its leaves)').optional(),
    province: csvList(ProvinceCodeSchema, PROVINCE_CODES.length, 'Only opportunities in these provinces').optional(),
    islandGroup: csvList(IslandGroupCode, ISLAND_GROUPS.length, 'Only opportunities in these island groups').optional(),
    ...weightQuery,
  })
  .strict();

/** The investor's matches, also as a CSV or XLSX export of every page. */
export const OpportunityMatchExportQuery = OpportunityMatchQuery.extend({
  format: z.enum(['json', 'csv', 'xlsx']).optional().meta({ description: 'Overrides Accept: `csv` or `xlsx` export every match (all pages) with its factors; `json` (default) pages' }),
}).strict();

export const InvestorMatchQuery = z
  .object({ ...matchPaging, country: csvList(CountryCode, 50, 'Only investors from these countries').optional(), ...weightQuery })
  .strict();

export const Weights = z
  .object(Object.fromEntries(FACTORS.map((factor) => [factor, z.number().min(WEIGHT_BOUNDS.min).max(WEIGHT_BOUNDS.max).optional()])) as Record<
    (typeof FACTORS)[number],
    z.ZodOptional<z.ZodNumber>
  >)
  .strict()
  .meta({ id: 'Weights', description: 'Factor weights; missing ones take the defaults. They are renormalised over the factors the investor stated.' });

export const PreviewRequest = z
  .object({
    profile: z
      .object({
        country: CountryCode.optional(),
        sectors: uniqueList(SectorCodeSchema, SECTOR_CODES.length).default([]),
        technologies: uniqueList(TechnologyCode, TECHNOLOGIES.length).default([]),
        maxTransferDepth: TransferDepthCode.nullable().default(null),
        modalities: uniqueList(ModalityCode, MODALITIES.length).default([]),
        preferredProvinces: uniqueList(ProvinceCodeSchema, PROVINCE_CODES.length).default([]),
        preferredIslandGroups: uniqueList(IslandGroupCode, ISLAND_GROUPS.length).default([]),
        ticketUsd: UsdRange.nullable().default(null),
        ownershipIntent: OwnershipIntentCode.nullable().default(null),
        preferredRegencies: uniqueList(KnownRegency, 50).default([]),
        halalCapable: z.boolean().nullable().default(null),
      })
      .strict()
      .prefault({})
      .meta({ id: 'PreviewProfile', description: 'What a visitor tells about their company; anything left out is "no preference".' }),
    text: text(500)
      .optional()
      .meta({
        description:
          'What the company does and wants, in its own words and any of the five languages. Concepts and places recognised in it are added to the profile, and the response says what was recognised.',
        example: '혈액백 제조, 동자바 투자 희망',
      }),
    weights: Weights.optional(),
    limit: z.number().int().min(1).max(100).default(20),
    cursor: Cursor.optional(),
    minScore: z.number().min(0).max(100).optional(),
    sector: uniqueList(SectorCodeSchema, SECTOR_CODES.length).optional(),
    province: uniqueList(ProvinceCodeSchema, PROVINCE_CODES.length).optional(),
    islandGroup: uniqueList(IslandGroupCode, ISLAND_GROUPS.length).optional(),
    includeIneligible: z.boolean().default(false).meta({ description: 'Also show pairs that cannot legally happen, marked so' }),
  })
  .strict()
  .meta({ id: 'PreviewRequest' });

const ReasonParams = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));

const MatchFactor = z
  .object({
    factor: z.enum(FACTORS),
    neutral: z.boolean().meta({
      description: 'Left open by either side (the investor states no preference, or the opportunity seeks nothing here): left out, its weight shared among the others',
    }),
    score: z.number().meta({ description: 'Factor score, 0–1' }),
    weight: z.number().meta({ description: 'Weight actually applied: the requested weights renormalised over the factors that count for this pair, 0–1; 0 when neutral' }),
    contribution: z.number().meta({ description: 'Points this factor adds to the score (after the evidence scale)' }),
    supports: z.boolean().meta({ description: 'The factor counts and scores at least half: a reason the match fits' }),
    reason: z.object({ code: z.string(), params: ReasonParams }),
    text: z.string().meta({ description: "The reason in the caller's language" }),
  })
  .meta({ id: 'MatchFactor' });

const MatchBadge = z
  .object({ code: z.string(), params: ReasonParams, text: z.string() })
  .meta({ id: 'MatchBadge', description: 'Context shown with a match; never part of the score' });

const MatchBand = z.enum(BANDS).meta({
  id: 'MatchBand',
  description: `How the score reads: strong [${BAND_MIN_SCORE.strong}, 100], good [${BAND_MIN_SCORE.good}, ${BAND_MIN_SCORE.strong}), weak [0, ${BAND_MIN_SCORE.good})`,
});

const MatchEvidence = z
  .object({
    share: z.number().min(0).max(1).meta({ description: 'Share of the requested weight that fell on factors neither side left open' }),
    scale: z.number().min(0).max(1).meta({ description: 'What the weighted mean of those factors is multiplied by: share ** exponent (GET /v1/matching/model)' }),
  })
  .meta({ id: 'MatchEvidence' });

const Eligibility = z
  .object({
    eligible: z.boolean(),
    reasons: z.array(
      z.object({
        code: z.enum(INELIGIBILITY_REASONS),
        kbli: z.string(),
        capPct: z.number(),
        ownershipIntent: OwnershipIntentCode.nullable(),
        source: z.string(),
        text: z.string(),
      }),
    ),
  })
  .meta({ id: 'Eligibility', description: 'Whether the pair can legally happen; ineligible pairs appear only with includeIneligible' });

const RuleBadge = z
  .object({
    code: z.enum(RULE_BADGES),
    severity: z.enum(['warning', 'info']),
    source: z.string().meta({ description: 'The rule it rests on' }),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    text: z.string(),
  })
  .meta({ id: 'RuleBadge', description: 'A regulatory warning or fact, citing its rule; never part of the score' });

const explained = {
  investorId: z.string(),
  opportunityId: Id,
  score: z.number().min(0).max(100),
  band: MatchBand,
  evidence: MatchEvidence,
  factors: z.array(MatchFactor),
  badges: z.array(MatchBadge),
  freshness: z
    .object({
      factor: z.number().meta({ description: 'What the score and every contribution were multiplied by' }),
      lastVerifiedAt: Timestamp,
      text: z.string(),
    })
    .optional()
    .meta({ id: 'MatchFreshness', description: 'Present when the opportunity is stale (past its review date): the published freshness factor applied, and when it was last verified' }),
  eligibility: Eligibility,
  ruleBadges: z.array(RuleBadge),
};

const ResolvedWeights = z.object(Object.fromEntries(FACTORS.map((f) => [f, z.number()])) as Record<(typeof FACTORS)[number], z.ZodNumber>);

export const OpportunityMatchPage = z
  .object({
    requestedWeights: ResolvedWeights.meta({
      description: 'The weights asked for, defaults filled in. Each match shows in its factors the weights it actually applied.',
    }),
    data: z.array(
      z
        .object({
          ...explained,
          opportunity: z.object({
            id: Id,
            title: z.string(),
            titleLanguage: z.string(),
            sector: SectorLeafCode,
            province: ProvinceCodeSchema,
            investmentUsd: z.object({ min: UsdAmount, max: UsdAmount }),
            sponsorName: z.string(),
          }),
        })
        .meta({ id: 'OpportunityMatch' }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'OpportunityMatchPage' });

const Recognised = z.object({ code: z.string(), term: z.string(), language: z.enum(CONTENT_LANGUAGES) });

export const PreviewMatchPage = OpportunityMatchPage.extend({
  recognised: z
    .object({
      sectors: z.array(SectorLeafCode),
      technologies: z.array(TechnologyCode),
      preferredProvinces: z.array(ProvinceCodeSchema),
      preferredIslandGroups: z.array(IslandGroupCode),
      concepts: z.array(Recognised).meta({ description: 'Lexicon concepts found in `text`, and the term that named each' }),
      places: z.array(Recognised).meta({ description: 'Provinces and island groups found in `text`' }),
    })
    .optional()
    .meta({ description: 'With `text`: the profile fields read from it (added to `profile`)' }),
}).meta({ id: 'PreviewMatchPage' });

export const InvestorMatchPage = z
  .object({
    requestedWeights: ResolvedWeights.meta({
      description: 'The weights asked for, defaults filled in. Each match shows in its factors the weights it actually applied.',
    }),
    data: z.array(
      z
        .object({
          ...explained,
          investor: z.object({ id: Id, companyName: z.string(), country: z.string(), countryName: z.string() }),
        })
        .meta({ id: 'InvestorMatch' }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'InvestorMatchPage' });

const Bilingual = z.object({ en: z.string(), id: z.string() });

export const MatchingModelSchema = z
  .object({
    version: z.string(),
    scale: z.object({ min: z.number(), max: z.number(), decimals: z.number() }),
    factors: z.array(
      z.object({
        factor: z.enum(FACTORS),
        defaultWeight: z.number(),
        formula: Bilingual,
        neutralWhen: Bilingual,
        constants: z.record(z.string(), z.union([z.number(), z.array(z.number()).readonly()])),
      }),
    ),
    weights: z.object({ defaults: ResolvedWeights, bounds: z.object({ min: z.number(), max: z.number() }), rule: Bilingual }),
    combination: Bilingual,
    evidence: z.object({ exponent: z.number(), rule: Bilingual }),
    freshness: z.object({ factor: z.number(), rule: Bilingual }),
    bands: z.array(z.object({ band: MatchBand, min: z.number(), max: z.number() })),
    supports: z.object({ minFactorScore: z.number(), rule: Bilingual }),
    neutralRule: Bilingual,
    nothingComparable: Bilingual,
    tieBreak: Bilingual,
    badges: z.array(z.object({ code: z.string(), description: Bilingual })),
    eligibility: Bilingual,
    ruleBadges: z.array(z.object({ code: z.string(), description: Bilingual })),
    regencyLocation: z.object({ rule: Bilingual, constants: z.record(z.string(), z.number()) }),
  })
  .meta({ id: 'MatchingModel' });
