import type {
  IslandGroup,
  Modality,
  ProvinceCode,
  SectorCode,
  SectorLeaf,
  Technology,
  TransferDepth,
} from '../codes.ts';
import type { OwnershipIntent } from '../investment-facts.ts';

/** An inclusive range of US dollars; min <= max, both > 0. */
export interface UsdRange {
  min: number;
  max: number;
}

/** What the matcher needs to know of an opportunity (published ones only reach it). */
export interface MatchableOpportunity {
  id: string;
  sector: SectorLeaf;
  technologies: readonly Technology[];
  requiredTransferDepth: TransferDepth;
  modalities: readonly Modality[];
  province: ProvinceCode;
  investmentUsd: UsdRange;
  /** Where in the province, when the regency is known. */
  regency?: RegencyPoint;
  /** KBLI 2020 codes, for eligibility (never part of the score). */
  kbliCodes?: readonly string[];
  /** Set when nobody has verified it within the review interval: its scores are multiplied by `factor`, openly. */
  freshness?: Freshness;
}

/** The published freshness factor of a stale opportunity, and when it was last verified. */
export interface Freshness {
  factor: number;
  /** ISO timestamp. */
  lastVerifiedAt: string;
}

/** A regency or city with the coordinate the location factor measures from. */
export interface RegencyPoint {
  /** Kemendagri code `NN.NN`. */
  code: string;
  /** Official name; shown in reasons as it is, in every language. */
  name: string;
  province: ProvinceCode;
  lat: number;
  lon: number;
}

/**
 * What the matcher needs to know of an investor. An empty list or a null means
 * "no preference stated": that factor is neutral (left out, weights renormalised).
 */
export interface MatchableInvestor {
  id: string;
  country: string; // ISO 3166-1 alpha-2
  sectors: readonly SectorCode[]; // leaves or parents
  technologies: readonly Technology[];
  maxTransferDepth: TransferDepth | null;
  modalities: readonly Modality[];
  preferredProvinces: readonly ProvinceCode[];
  preferredIslandGroups: readonly IslandGroup[];
  ticketUsd: UsdRange | null;
  /** Preferred regencies; each also makes its province preferred, narrowed to around them. */
  preferredRegencies?: readonly RegencyPoint[];
  /** For eligibility (never part of the score). */
  ownershipIntent?: OwnershipIntent | null;
}

export const FACTORS = ['sector', 'technology', 'location', 'size', 'modality'] as const;
export type Factor = (typeof FACTORS)[number];

export type Weights = Record<Factor, number>;
