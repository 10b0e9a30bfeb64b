import { z } from 'zod';
import { CERTIFICATIONS, HALAL_RELEVANCE, LAND_STATUSES, OWNERSHIP_INTENTS } from '../domain/investment-facts.ts';
import { INCENTIVES } from '../domain/reference/incentives.ts';
import { KBLI_CODES } from '../domain/reference/kbli.ts';
import { regencyByCode } from '../domain/reference/regencies.ts';
import { Contact, UsdAmount, text, uniqueList } from './common.ts';
import { CertificateCode, HalalCategoryCode, IncentiveCode, KbliCode, OssRiskLevel, RegencyCode } from './decision-codes.ts';

export const OwnershipIntentCode = z
  .enum(OWNERSHIP_INTENTS)
  .meta({ id: 'OwnershipIntent', description: 'Share of the Indonesian company a foreign investor wants: minority (< 50%), majority (> 50%) or full (100%)' });

export const LandStatusCode = z
  .enum(LAND_STATUSES)
  .meta({ id: 'LandStatus', description: 'HGB, Hak Pakai, HGU, HPL in an estate or zone, lease, in acquisition, or unknown' });

const KnownKbli = KbliCode.refine((code) => KBLI_CODES.includes(code), { message: 'must be a health KBLI 2020 code listed in /v1/kbli' });
export const KnownRegency = RegencyCode.refine((code) => regencyByCode.has(code), { message: 'must be a regency code listed in /v1/regencies' });

const IsoDate = z.iso.date().meta({ example: '2027-06-30' });
const IDR_MAX = 1e16;

const Land = z
  .object({
    status: LandStatusCode,
    areaHa: z.number().positive().max(100_000).optional().meta({ description: 'Hectares' }),
    industrialEstate: text(200).optional().meta({ description: 'Industrial estate the plot is in' }),
    readyAt: IsoDate.optional().meta({ description: 'When the land is ready to build on' }),
  })
  .strict()
  .meta({ id: 'Land' });

const Financials = z
  .object({
    projectValueUsd: UsdAmount.optional(),
    projectValueIdr: z.number().int().positive().max(IDR_MAX).optional().meta({ description: 'Rupiah; shown from USD at the configured rate when left out' }),
    irrPct: z.number().min(-100).max(1000).optional().meta({ description: 'Internal rate of return, %' }),
    npvUsd: z.number().int().min(-1e12).max(1e12).optional(),
    paybackYears: z.number().positive().max(100).optional(),
    preFeasibilityStudy: z.boolean().optional().meta({ description: 'A pre-feasibility study exists' }),
  })
  .strict()
  .refine((f) => Object.keys(f).length > 0, { message: 'give at least one figure' })
  .meta({ id: 'Financials' });

const Licensing = z
  .object({
    riskLevel: OssRiskLevel.optional(),
    certificates: uniqueList(CertificateCode, 8).optional(),
    note: text(1000).meta({ description: 'Why this differs from the KBLI defaults' }),
  })
  .strict()
  .meta({ id: 'LicensingOverride', description: 'Licensing stated where it differs from the defaults of the KBLI codes; the note is required' });

const Halal = z
  .object({
    relevance: z.enum(HALAL_RELEVANCE),
    category: HalalCategoryCode.optional(),
    deadline: IsoDate.optional().meta({ description: "Defaults to the category's deadline" }),
  })
  .strict()
  .meta({ id: 'HalalFacts' });

const LocalGovernmentContact = Contact.partial()
  .extend({ office: text(200).meta({ description: 'One-stop investment office (DPMPTSP) of the province or regency' }) })
  .strict()
  .meta({ id: 'LocalGovernmentContact' });

/** Optional on an opportunity; search filters on kbliCodes, land.status and incentives. */
export const opportunityDecisionFields = {
  kbliCodes: uniqueList(KnownKbli, KBLI_CODES.length).optional().meta({ description: 'KBLI 2020 codes of the project (see /v1/kbli)' }),
  land: Land.optional(),
  financials: Financials.optional(),
  licensing: Licensing.optional(),
  incentives: uniqueList(IncentiveCode, INCENTIVES.length).optional().meta({ description: 'Incentives claimed; each is checked against its rule (422 when it cannot apply)' }),
  tkdnTargetPct: z.number().min(0).max(100).optional().meta({ description: 'Local-content (TKDN) target, %' }),
  halal: Halal.optional(),
  localGovernmentContact: LocalGovernmentContact.optional(),
};

export const investorDecisionFields = {
  ownershipIntent: OwnershipIntentCode.nullable().optional(),
  certifications: uniqueList(z.enum(CERTIFICATIONS), CERTIFICATIONS.length).optional().meta({ description: 'Certifications held (CPOB/GMP, ISO 13485 …)' }),
  halalCapable: z.boolean().nullable().optional().meta({ description: 'Can produce to halal requirements' }),
  preferredRegencies: uniqueList(KnownRegency, 50).optional().meta({ description: 'Kemendagri regency codes; each also counts as its province' }),
};

const Rate = z.object({ rate: z.number(), asOf: z.string() }).meta({ id: 'UsdIdrRate', description: 'Configured USD_IDR_RATE and its date (no live rates)' });

export const OpportunityDecisionView = {
  kbliCodes: z.array(z.string()),
  land: Land.optional(),
  financials: z
    .object({
      projectValueUsd: z.number().optional(),
      projectValueIdr: z.number().optional(),
      irrPct: z.number().optional(),
      npvUsd: z.number().optional(),
      paybackYears: z.number().optional(),
      preFeasibilityStudy: z.boolean().optional(),
      usdIdrRate: Rate,
    })
    .optional(),
  licensing: z.object({
    riskLevel: OssRiskLevel,
    certificates: z.array(CertificateCode),
    basis: z.enum(['kbli', 'stated']).meta({ description: '`kbli`: defaults of the KBLI codes; `stated`: set by staff, with a note' }),
    note: z.string().optional(),
  }),
  incentives: z.array(IncentiveCode),
  tkdnTargetPct: z.number().optional(),
  halal: z.object({ relevance: z.enum(HALAL_RELEVANCE), category: HalalCategoryCode.optional(), deadline: z.string().optional() }).optional(),
  localGovernmentContact: z.object({ office: z.string(), name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }).optional(),
};

export const InvestorDecisionView = {
  ownershipIntent: OwnershipIntentCode.nullable(),
  certifications: z.array(z.enum(CERTIFICATIONS)),
  halalCapable: z.boolean().nullable(),
  preferredRegencies: z.array(z.string()),
  ticketIdr: z.object({ min: z.number(), max: z.number(), usdIdrRate: Rate }).nullable().meta({ description: 'The USD ticket in rupiah at the configured rate' }),
};
