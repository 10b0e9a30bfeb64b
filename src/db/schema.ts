import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Contact, SponsorKind } from '../domain/opportunity.ts';
import type { LocalizedText } from '../domain/text.ts';

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date | string>;

type Sponsor = { name: string; kind: SponsorKind };

export interface OpportunitiesTable {
  id: Generated<string>;
  status: Generated<string>;
  title: ColumnType<LocalizedText, string, string>;
  summary: ColumnType<LocalizedText, string, string>;
  sector: string;
  technologies: string[];
  required_transfer_depth: string;
  modalities: string[];
  province: string;
  regency: string | null;
  special_economic_zone: string | null;
  investment_min_usd: number;
  investment_max_usd: number;
  sponsor: ColumnType<Sponsor, string, string>;
  contact: ColumnType<Contact, string, string>;
  version: Generated<number>;
  created_at: CreatedAt & Generated<Date>;
  updated_at: UpdatedAt & Generated<Date>;
  published_at: ColumnType<Date | null, never, Date | string | null>;
  /** Generated text-search vector over both languages; never written. */
  search: ColumnType<unknown, never, never>;
}

export interface InvestorsTable {
  id: Generated<string>;
  company_name: string;
  country: string;
  summary: ColumnType<Partial<LocalizedText>, string, string>;
  sectors: string[];
  technologies: string[];
  max_transfer_depth: string | null;
  modalities: string[];
  preferred_provinces: string[];
  preferred_island_groups: string[];
  ticket_min_usd: number | null;
  ticket_max_usd: number | null;
  languages: string[];
  contact: ColumnType<Contact, string, string>;
  website: string | null;
  version: Generated<number>;
  created_at: CreatedAt & Generated<Date>;
  updated_at: UpdatedAt & Generated<Date>;
  deleted_at: ColumnType<Date | null, never, Date | string | null>;
}

export interface InvestorTopMatchesTable {
  investor_id: string;
  rank: number;
  opportunity_id: string;
  score: ColumnType<string, number, number>;
  model_version: string;
  computed_at: Date;
}

export interface Database {
  opportunities: OpportunitiesTable;
  investors: InvestorsTable;
  investor_top_matches: InvestorTopMatchesTable;
}

export type OpportunityRow = Selectable<OpportunitiesTable>;
export type NewOpportunityRow = Insertable<OpportunitiesTable>;
export type OpportunityRowUpdate = Updateable<OpportunitiesTable>;
export type InvestorRow = Selectable<InvestorsTable>;
export type NewInvestorRow = Insertable<InvestorsTable>;
export type InvestorRowUpdate = Updateable<InvestorsTable>;
