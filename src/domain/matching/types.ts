import type {
  IslandGroup,
  Modality,
  ProvinceCode,
  SectorCode,
  SectorLeaf,
  Technology,
  TransferDepth,
} from '../codes.ts';

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
}

export const FACTORS = ['sector', 'technology', 'location', 'size', 'modality'] as const;
export type Factor = (typeof FACTORS)[number];

export type Weights = Record<Factor, number>;
