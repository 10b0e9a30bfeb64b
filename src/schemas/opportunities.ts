import { z } from 'zod';
import {
  CONTENT_LANGUAGES,
  ISLAND_GROUPS,
  MODALITIES,
  OPPORTUNITY_STATUSES,
  PROVINCE_CODES,
  SECTOR_CODES,
  SECTOR_LEAVES,
  TECHNOLOGIES,
  TRANSFER_DEPTHS,
} from '../domain/codes.ts';
import { OPPORTUNITY_SORTS, SPONSOR_KINDS } from '../domain/opportunity.ts';
import { regencyByCode } from '../domain/reference/regencies.ts';
import { IncentiveCode, KbliCode } from './decision-codes.ts';
import { KnownRegency, LandStatusCode, OpportunityDecisionView, opportunityDecisionFields } from './investment-facts.ts';
import {
  Contact,
  Cursor,
  Display,
  Id,
  LocalizedTextOut,
  PageLimit,
  Timestamp,
  UsdAmount,
  UsdRange,
  csvList,
  localizedText,
  page,
  text,
  uniqueList,
} from './common.ts';

export const SectorLeafCode = z.enum(SECTOR_LEAVES).meta({ id: 'SectorLeaf', description: 'Leaf of the sector taxonomy (see /v1/sectors)' });
export const SectorCodeSchema = z.enum(SECTOR_CODES).meta({ id: 'SectorCode', description: 'Sector taxonomy code, parent or leaf' });
export const TechnologyCode = z.enum(TECHNOLOGIES).meta({ id: 'Technology', description: 'Technology code (see /v1/technologies)' });
export const TransferDepthCode = z
  .enum(TRANSFER_DEPTHS)
  .meta({ id: 'TransferDepth', description: 'Technology-transfer depth, ordered none < licensing < joint-development < full-transfer' });
export const ModalityCode = z.enum(MODALITIES).meta({ id: 'Modality', description: 'Investment modality (see /v1/modalities)' });
export const ProvinceCodeSchema = z.enum(PROVINCE_CODES).meta({ id: 'ProvinceCode', description: 'ISO 3166-2:ID province code' });
export const IslandGroupCode = z.enum(ISLAND_GROUPS).meta({ id: 'IslandGroup' });
export const OpportunityStatus = z.enum(OPPORTUNITY_STATUSES).meta({ id: 'OpportunityStatus' });

const Location = z
  .object({
    province: ProvinceCodeSchema,
    regency: text(120).optional().meta({ description: 'Regency (kabupaten) or city (kota)' }),
    specialEconomicZone: z.string().max(80).optional().meta({ description: 'Special economic zone (KEK) code, see /v1/special-economic-zones' }),
    regencyCode: KnownRegency.optional().meta({ description: 'Kemendagri code of the regency or city (see /v1/regencies), inside `province`' }),
  })
  .strict()
  .refine((location) => !location.regencyCode || regencyByCode.get(location.regencyCode)?.province === location.province, {
    message: 'the regency must lie in the province',
    path: ['regencyCode'],
  })
  .meta({ id: 'OpportunityLocation' });

const Sponsor = z
  .object({ name: text(200), kind: z.enum(SPONSOR_KINDS) })
  .strict()
  .meta({ id: 'Sponsor', description: 'The Indonesian sponsor or partner' });

/** Printable, no spaces at either end: it is typed into spreadsheets and matched exactly. */
export const ExternalRef = text(100)
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters')
  .meta({ description: 'Your own reference for the opportunity (e.g. a regional office\'s number), unique; bulk upserts match rows on it', example: 'BKPM-JI-2026-014' });

const opportunityFields = {
  externalRef: ExternalRef.optional(),
  title: localizedText(200, 'OpportunityTitle'),
  summary: localizedText(4000, 'OpportunitySummary'),
  sector: SectorLeafCode,
  technologies: uniqueList(TechnologyCode, TECHNOLOGIES.length).meta({ description: 'Technologies sought' }),
  requiredTransferDepth: TransferDepthCode,
  modalities: uniqueList(ModalityCode, MODALITIES.length).min(1),
  location: Location,
  investmentUsd: UsdRange,
  sponsor: Sponsor,
  contact: Contact,
  ...opportunityDecisionFields,
  expiresAt: Timestamp.optional().meta({ description: 'When a published opportunity closes by itself (`opportunity.closed`, reason `expired`)' }),
};

export const OpportunityCreate = z.object(opportunityFields).strict().meta({
  id: 'OpportunityCreate',
  description: 'A new opportunity; it starts as a draft.',
});

export const OpportunityUpdate = z
  .object(opportunityFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'OpportunityUpdate', description: 'Fields to replace; those left out keep their value.' });

export const OpportunityMergePatch = z
  .record(z.string(), z.unknown())
  .refine((body) => Object.keys(body).length > 0, { message: 'send at least one field to change' })
  .meta({
    id: 'OpportunityMergePatch',
    description:
      'A JSON Merge Patch (RFC 7396) of the fields of OpportunityCreate: objects merge member by member (`{"title": {"ko": "…"}}` adds a Korean title and keeps the others), `null` removes an optional field, arrays and other values replace. The merged opportunity is validated whole; removing a required field is 400 naming it.',
  });

export const ReviewComment = z
  .object({ comment: text(2000).meta({ description: 'What to change before it can be published' }) })
  .strict()
  .meta({ id: 'ReviewComment' });

export const ReviewStep = z
  .object({
    action: z.enum(['submit', 'request-changes', 'publish', 'publish-without-review']).meta({
      description: '`publish-without-review`: an admin (or the operator) published a draft while review is required',
    }),
    version: z.number().int().meta({ description: 'The version the step acted on' }),
    comment: z.string().nullable(),
    actorKeyId: Id.nullable().meta({ description: 'The API key that took the step; null for the operator at the command line' }),
    actorRole: z.string(),
    at: Timestamp,
  })
  .meta({ id: 'ReviewStep' });

export const ReviewHistory = z.object({ data: z.array(ReviewStep) }).meta({ id: 'ReviewHistory' });

export const Opportunity = z
  .object({
    id: Id,
    externalRef: z.string().optional(),
    status: OpportunityStatus,
    title: LocalizedTextOut,
    summary: LocalizedTextOut,
    display: Display.extend({
      title: z.string(),
      summary: z.string(),
      languages: z
        .object({ title: z.enum(CONTENT_LANGUAGES), summary: z.enum(CONTENT_LANGUAGES) })
        .meta({ description: 'The language each shown field is in; differs from Content-Language where that field is not translated' }),
    }),
    sector: SectorLeafCode,
    sectorParent: SectorCodeSchema,
    technologies: z.array(TechnologyCode),
    requiredTransferDepth: TransferDepthCode,
    modalities: z.array(ModalityCode),
    location: z.object({
      province: ProvinceCodeSchema,
      islandGroup: IslandGroupCode,
      regency: z.string().optional(),
      specialEconomicZone: z.string().optional(),
      regencyCode: z.string().optional(),
      regencyName: z.string().optional().meta({ description: 'Official name of `regencyCode`' }),
    }),
    investmentUsd: z.object({ min: UsdAmount, max: UsdAmount }),
    sponsor: z.object({ name: z.string(), kind: z.enum(SPONSOR_KINDS) }),
    contact: z.object({ name: z.string(), email: z.string(), phone: z.string().optional() }),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    publishedAt: Timestamp.nullable(),
    lastVerifiedAt: Timestamp.nullable().meta({ description: 'When staff last confirmed it is accurate (publication counts); null before publication' }),
    reviewDueAt: Timestamp.nullable().meta({ description: 'When it is due for verification again (REVIEW_INTERVAL_DAYS after the last)' }),
    stale: z.boolean().meta({ description: 'Published and past reviewDueAt: not confirmed recently; matching shows a freshness factor for it' }),
    expiresAt: Timestamp.optional(),
    ...OpportunityDecisionView,
  })
  .meta({ id: 'Opportunity' });

const RecognisedConcept = z
  .object({
    code: z.string().meta({ description: 'Concept code in the lexicon' }),
    term: z.string().meta({ description: 'The lexicon term found in q' }),
    language: z.enum(CONTENT_LANGUAGES).meta({ description: 'The language of that term' }),
  })
  .meta({ id: 'RecognisedConcept' });

export const OpportunityPage = page(
  Opportunity.extend({
    matchedConcepts: z
      .array(z.string())
      .optional()
      .meta({ description: 'With q: the recognised concepts this opportunity is tagged with (by sector or technology)' }),
  }),
  'OpportunityList',
)
  .extend({
    query: z
      .object({ concepts: z.array(RecognisedConcept) })
      .optional()
      .meta({ description: 'With q: the concepts recognised in it' }),
  })
  .meta({ id: 'OpportunityPage' });

export const OpportunitySearch = z
  .object({
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine((value) => !value.includes('\u0000'), { message: 'must not contain NUL characters' })
      .optional()
      .meta({
        description:
          'Text in any of Indonesian, English, Korean, Japanese or Chinese. Concepts named in it (through the multilingual lexicon) find opportunities tagged with them whatever their languages; Indonesian and English texts are searched stemmed, Korean, Japanese and Chinese texts by character bigrams and trigrams.',
        example: '백신',
      }),
    sector: csvList(SectorCodeSchema, SECTOR_CODES.length, 'Sector codes; a parent matches all its leaves').optional(),
    province: csvList(ProvinceCodeSchema, PROVINCE_CODES.length, 'Province codes').optional(),
    islandGroup: csvList(IslandGroupCode, ISLAND_GROUPS.length, 'Island groups').optional(),
    technology: csvList(TechnologyCode, TECHNOLOGIES.length, 'Technologies; matches opportunities seeking any of them').optional(),
    modality: csvList(ModalityCode, MODALITIES.length, 'Modalities; matches opportunities accepting any of them').optional(),
    minUsd: z.coerce.number().int().positive().max(1e12).optional().meta({ description: 'Investment range must reach at least this' }),
    maxUsd: z.coerce.number().int().positive().max(1e12).optional().meta({ description: 'Investment range must start at most at this' }),
    status: csvList(OpportunityStatus, OPPORTUNITY_STATUSES.length, 'Statuses (default: published)').optional(),
    kbli: csvList(KbliCode, 20, 'KBLI 2020 codes; matches opportunities with any of them').optional(),
    landStatus: csvList(LandStatusCode, 7, 'Land statuses; matches any').optional(),
    incentive: csvList(IncentiveCode, 4, 'Incentives claimed; matches opportunities claiming any of them').optional(),
    sort: z
      .enum(OPPORTUNITY_SORTS)
      .optional()
      .meta({ description: 'Default: `relevance` (best first) with `q`, else `-createdAt`. `relevance` needs `q`.' }),
    limit: PageLimit,
    cursor: Cursor.optional(),
    format: z
      .enum(['json', 'csv', 'xlsx'])
      .optional()
      .meta({ description: 'Overrides Accept: `csv` or `xlsx` export every matching opportunity (all pages, staff columns as in the import template); `json` (default) pages' }),
  })
  .strict()
  .refine((query) => query.minUsd === undefined || query.maxUsd === undefined || query.minUsd <= query.maxUsd, {
    message: 'minUsd must not exceed maxUsd',
    path: ['maxUsd'],
  });

export type OpportunityCreateBody = z.infer<typeof OpportunityCreate>;
export type OpportunityUpdateBody = z.infer<typeof OpportunityUpdate>;
export type OpportunityMergePatchBody = z.infer<typeof OpportunityMergePatch>;
export type OpportunityView = z.infer<typeof Opportunity>;
