import { z } from 'zod';
import { LICENSING_AUTHORITIES } from '../domain/reference/kbli.ts';
import { REGENCY_TYPES } from '../domain/reference/regencies.ts';
import { TKDN_REGIMES } from '../domain/reference/tkdn.ts';
import { Cursor, PageLimit, csvList, page } from './common.ts';
import { CertificateCode, HalalCategoryCode, IncentiveCode, KbliCode, OssRiskLevel, RegencyCode } from './decision-codes.ts';
import { ProvinceCodeSchema, SectorLeafCode } from './opportunities.ts';

const FiveNames = z.object({ en: z.string(), id: z.string(), ko: z.string(), ja: z.string(), zh: z.string() });
const sourced = { source: z.string().meta({ description: 'Legal instrument or publication, short form' }), asOf: z.iso.date().meta({ description: 'When the fact was last checked' }) };
const named = { name: z.string().meta({ description: "In the caller's language" }), names: FiveNames };
const Coordinate = z.object({ lat: z.number(), lon: z.number() });

export const KbliEntry = z
  .object({
    code: z.string(),
    kbliVersion: z.literal('2020'),
    title: z.string().meta({ description: "In the caller's language; `titles.id` is the official title" }),
    titles: FiveNames,
    sectors: z.array(SectorLeafCode).meta({ description: 'Sectors of the taxonomy mapped to this code' }),
    foreignEquityCapPct: z
      .union([z.number().min(0).max(100), z.literal('unknown')])
      .meta({ description: '100 unless the positive investment list limits it; 0 = reserved to domestic capital; `unknown` when not confirmed' }),
    foreignEquity: z.object({ ...sourced, note: z.string() }),
    ossRiskLevel: OssRiskLevel,
    ossRisk: z.object(sourced),
    licensingAuthorities: z.array(z.object({ code: z.enum(LICENSING_AUTHORITIES), ...named })),
    certificates: z.array(z.object({ code: CertificateCode, ...named, basis: z.string() })),
    taxHolidayPioneer: z.boolean().meta({ description: 'In the pioneer industry list of PMK 130/2020' }),
    taxHoliday: z.object({ ...sourced, note: z.string() }),
    ...sourced,
  })
  .meta({ id: 'KbliEntry' });

export const KbliList = z.object({ data: z.array(KbliEntry) }).meta({ id: 'KbliList' });
export const KbliParams = z.object({ code: KbliCode }).strict();

const TaxHolidayTier = z.object({
  tier: z.number().int(),
  minIdr: z.number(),
  maxIdr: z.number().nullable(),
  reductionPct: z.number(),
  years: z.number(),
  thenReductionPct: z.number(),
  thenYears: z.number(),
});

export const IncentiveList = z
  .object({
    data: z.array(
      z.object({
        code: IncentiveCode,
        ...named,
        legalBasis: z.string(),
        eligibility: z.string(),
        termsVerified: z.boolean().meta({ description: 'false: the terms are not confirmed; claims are accepted, never checked against them' }),
        caveat: z.string().optional(),
        tiers: z.array(TaxHolidayTier).optional(),
        ...sourced,
      }),
    ),
  })
  .meta({ id: 'IncentiveList' });

export const HalalObligationList = z
  .object({
    note: z.string(),
    data: z.array(
      z.object({
        category: HalalCategoryCode,
        ...named,
        deadline: z.string().nullable().meta({ description: 'ISO 8601 date, or a year alone when only the year is known; null when exempt' }),
        deadlinePrecision: z.enum(['day', 'year']).nullable(),
        appliesTo: z.string(),
        datesAfterPp42of2024: z.literal('unknown'),
        ...sourced,
      }),
    ),
  })
  .meta({ id: 'HalalObligationList' });

export const TkdnRegimeList = z
  .object({
    data: z.array(
      z.object({
        code: z.enum(TKDN_REGIMES),
        ...named,
        legalBasis: z.string(),
        method: z.string(),
        componentWeightsPct: z.record(z.string(), z.number()).nullable(),
        procurementPriorityPct: z.number(),
        ...sourced,
      }),
    ),
  })
  .meta({ id: 'TkdnRegimeList' });

export const Regency = z
  .object({
    code: RegencyCode,
    province: ProvinceCodeSchema,
    type: z.enum(REGENCY_TYPES),
    name: z.string().meta({ description: 'Official Indonesian name' }),
    coordinate: Coordinate,
    ...sourced,
  })
  .meta({ id: 'Regency' });

export const RegencyPage = page(Regency, 'RegencyPage');

export const RegencySearch = z
  .object({
    province: csvList(ProvinceCodeSchema, 38, 'Only regencies in these provinces').optional(),
    limit: PageLimit,
    cursor: Cursor.optional(),
  })
  .strict();
