/**
 * What an investor decides on besides sector and technology: land, financials, licensing,
 * incentives, local content, halal, the local government office, and the investor's ownership
 * intent. Plain data; the rules that read it live in eligibility.ts and rule-badges.ts.
 */
import type { HalalCategory } from './reference/halal.ts';
import type { Incentive } from './reference/incentives.ts';
import type { LicenceCertificate, OssRiskLevel } from './reference/kbli.ts';

export const LAND_STATUSES = ['hgb', 'hak-pakai', 'hgu', 'hpl-estate', 'lease', 'in-acquisition', 'unknown'] as const;
export type LandStatus = (typeof LAND_STATUSES)[number];

export interface Land {
  status: LandStatus;
  areaHa?: number;
  /** Industrial estate the plot is in; a special economic zone is `location.specialEconomicZone`. */
  industrialEstate?: string;
  /** ISO date the land is ready to build on. */
  readyAt?: string;
}

export interface Financials {
  projectValueUsd?: number;
  projectValueIdr?: number;
  irrPct?: number;
  npvUsd?: number;
  paybackYears?: number;
  preFeasibilityStudy?: boolean;
}

/** Licensing stated by staff where it differs from the KBLI defaults; the note says why. */
export interface LicensingOverride {
  riskLevel?: OssRiskLevel;
  certificates?: LicenceCertificate[];
  note: string;
}

export const HALAL_RELEVANCE = ['required', 'animal-material', 'not-required', 'exempt'] as const;
export type HalalRelevance = (typeof HALAL_RELEVANCE)[number];

export interface HalalFacts {
  relevance: HalalRelevance;
  category?: HalalCategory;
  /** Stated deadline (ISO date); otherwise the category's. */
  deadline?: string;
}

export interface LocalGovernmentContact {
  /** The one-stop investment office (DPMPTSP) of the province or regency. */
  office: string;
  name?: string;
  email?: string;
  phone?: string;
}

export interface OpportunityDecisionFacts {
  /** KBLI 2020 five-digit codes of the project's activities. */
  kbliCodes: string[];
  land?: Land;
  financials?: Financials;
  licensing?: LicensingOverride;
  /** Incentives the opportunity claims; checked against their rules on every write. */
  incentives: Incentive[];
  tkdnTargetPct?: number;
  halal?: HalalFacts;
  localGovernmentContact?: LocalGovernmentContact;
}

/** How much of the company a foreign investor wants: below half, above half, or all of it. */
export const OWNERSHIP_INTENTS = ['minority', 'majority', 'full'] as const;
export type OwnershipIntent = (typeof OWNERSHIP_INTENTS)[number];

/** Certifications an investor may hold. */
export const CERTIFICATIONS = [
  'cpob',
  'cdob',
  'cpakb',
  'cdakb',
  'pic-s-gmp',
  'who-gmp',
  'eu-gmp',
  'us-fda-cgmp',
  'iso-13485',
  'iso-9001',
  'iso-15189',
  'halal',
] as const;
export type Certification = (typeof CERTIFICATIONS)[number];

export interface InvestorDecisionFacts {
  ownershipIntent: OwnershipIntent | null;
  certifications: Certification[];
  halalCapable: boolean | null;
  /** Kemendagri regency codes. */
  preferredRegencies: string[];
}

/** The configured exchange rate (no live rates): IDR per USD and the date it was taken. */
export interface UsdIdrRate {
  rate: number;
  asOf: string;
}

export const toIdr = (usd: number, rate: UsdIdrRate): number => Math.round(usd * rate.rate);
