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
  /** Generated lower-case Korean, Japanese and Chinese texts, for trigrams and bigrams; never written. */
  search_cjk: ColumnType<string, never, never>;
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

export interface ApiKeysTable {
  id: Generated<string>;
  prefix: string;
  secret_hash: string;
  role: string;
  label: string;
  investor_id: string | null;
  allowed_origins: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt & Generated<Date>;
  last_used_at: ColumnType<Date | null, never, Date | string | null>;
  revoked_at: ColumnType<Date | null, never, Date | string | null>;
}

export interface AuditLogTable {
  /** bigserial; read as a string or number depending on the driver. */
  id: ColumnType<string | number, never, never>;
  at: CreatedAt & Generated<Date>;
  actor_key_id: string | null;
  actor_role: string;
  action: string;
  entity: string;
  entity_id: string;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  request_id: string | null;
}

export interface RateLimitCountersTable {
  bucket: string;
  window_start: Date;
  count: number;
}

export interface IdempotencyKeysTable {
  key_owner: string;
  idempotency_key: string;
  request_hash: string;
  status: Generated<number>;
  response: ColumnType<unknown, string | null, string | null>;
  headers: ColumnType<Record<string, string> | null, string | null, string | null>;
  created_at: Generated<Date>;
}

export interface Database {
  opportunities: OpportunitiesTable;
  investors: InvestorsTable;
  investor_top_matches: InvestorTopMatchesTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  rate_limit_counters: RateLimitCountersTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type OpportunityRow = Selectable<OpportunitiesTable>;
export type NewOpportunityRow = Insertable<OpportunitiesTable>;
export type OpportunityRowUpdate = Updateable<OpportunitiesTable>;
export type InvestorRow = Selectable<InvestorsTable>;
export type NewInvestorRow = Insertable<InvestorsTable>;
export type InvestorRowUpdate = Updateable<InvestorsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditRow = Selectable<AuditLogTable>;
