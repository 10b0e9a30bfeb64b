import { z } from 'zod';
import { ISLAND_GROUPS, MODALITIES, PROVINCE_CODES, SECTOR_CODES, TECHNOLOGIES } from '../domain/codes.ts';
import { isCountryCode } from '../domain/reference/countries.ts';
import { InvestorDecisionView, investorDecisionFields } from './investment-facts.ts';
import { Contact, Cursor, Id, PageLimit, Timestamp, UsdAmount, UsdRange, csvList, page, text, uniqueList } from './common.ts';
import {
  IslandGroupCode,
  ModalityCode,
  ProvinceCodeSchema,
  SectorCodeSchema,
  TechnologyCode,
  TransferDepthCode,
} from './opportunities.ts';

export const CountryCode = z
  .string()
  .length(2)
  .refine(isCountryCode, { message: 'must be an ISO 3166-1 alpha-2 country code such as KR or JP' })
  .meta({ id: 'CountryCode', description: 'ISO 3166-1 alpha-2 country code', example: 'KR' });

const InvestorSummary = z
  .object({
    en: text(4000),
    id: text(4000).optional(),
    ko: text(4000).optional(),
    ja: text(4000).optional(),
    zh: text(4000).optional(),
  })
  .strict()
  .meta({ id: 'InvestorSummary', description: 'What the company does, in English; other languages optional' });

const investorFields = {
  companyName: text(200),
  country: CountryCode,
  summary: InvestorSummary,
  sectors: uniqueList(SectorCodeSchema, SECTOR_CODES.length).meta({ description: 'Sectors of interest, parents or leaves; empty: no preference' }),
  technologies: uniqueList(TechnologyCode, TECHNOLOGIES.length).meta({ description: 'Technologies the company holds' }),
  maxTransferDepth: TransferDepthCode.nullable().meta({ description: 'How far the company will transfer technology; null: not stated' }),
  modalities: uniqueList(ModalityCode, MODALITIES.length).meta({ description: 'Accepted modalities; empty: no preference' }),
  preferredProvinces: uniqueList(ProvinceCodeSchema, PROVINCE_CODES.length),
  preferredIslandGroups: uniqueList(IslandGroupCode, ISLAND_GROUPS.length),
  ticketUsd: UsdRange.nullable().meta({ description: 'Ticket size in USD; null: not stated' }),
  languages: uniqueList(z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as ko'), 10).min(1),
  contact: Contact,
  website: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
  ...investorDecisionFields,
};

export const InvestorCreate = z.object(investorFields).strict().meta({ id: 'InvestorCreate' });

export const InvestorUpdate = z
  .object(investorFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'InvestorUpdate', description: 'Fields to replace; those left out keep their value.' });

export const Investor = z
  .object({
    id: Id,
    companyName: z.string(),
    country: z.string(),
    countryName: z.string(),
    summary: z.object({ en: z.string(), id: z.string().optional(), ko: z.string().optional(), ja: z.string().optional(), zh: z.string().optional() }),
    sectors: z.array(SectorCodeSchema),
    technologies: z.array(TechnologyCode),
    maxTransferDepth: TransferDepthCode.nullable(),
    modalities: z.array(ModalityCode),
    preferredProvinces: z.array(ProvinceCodeSchema),
    preferredIslandGroups: z.array(IslandGroupCode),
    ticketUsd: z.object({ min: UsdAmount, max: UsdAmount }).nullable(),
    languages: z.array(z.string()),
    contact: z.object({ name: z.string(), email: z.string(), phone: z.string().optional() }),
    website: z.string().nullable(),
    ...InvestorDecisionView,
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Investor' });

export const InvestorPage = page(Investor, 'InvestorPage');

export const InvestorSearch = z
  .object({
    country: csvList(CountryCode, 50, 'Country codes').optional(),
    sector: csvList(SectorCodeSchema, SECTOR_CODES.length, 'Sectors of interest; matches any').optional(),
    technology: csvList(TechnologyCode, TECHNOLOGIES.length, 'Technologies held; matches any').optional(),
    limit: PageLimit,
    cursor: Cursor.optional(),
  })
  .strict();

export type InvestorCreateBody = z.infer<typeof InvestorCreate>;
export type InvestorUpdateBody = z.infer<typeof InvestorUpdate>;
export type InvestorView = z.infer<typeof Investor>;
export type InvestorSearchQuery = z.infer<typeof InvestorSearch>;
