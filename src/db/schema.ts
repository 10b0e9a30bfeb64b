import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Contact, SponsorKind } from '../domain/opportunity.ts';
import type { Financials, HalalFacts, Land, LicensingOverride, LocalGovernmentContact } from '../domain/investment-facts.ts';
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

/** The claim of an idempotency key this row belongs to; null on rows written before claims had tokens. */
export interface IdempotencyKeysTable {
  claim_token: string | null;
}

/** The outbox: one typed event per recorded change; `audit_log` is a view over it. */
export interface EventsTable {
  /** bigserial; read as a string or number depending on the driver. */
  id: ColumnType<string | number, never, never>;
  at: CreatedAt & Generated<Date>;
  type: string;
  entity: string;
  entity_id: string;
  action: string;
  actor_key_id: string | null;
  actor_role: string;
  request_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, string | null>;
  data: ColumnType<Record<string, unknown>, string, never>;
  investor_id: string | null;
  processed_at: ColumnType<Date | null, never, Date | string | null>;
}

export interface InterestsTable {
  id: Generated<string>;
  opportunity_id: string;
  investor_id: string;
  stage: Generated<string>;
  message: string;
  modalities: string[];
  contact: ColumnType<Contact | null, string | null, string | null>;
  contact_erased_at: ColumnType<Date | null, never, Date | string | null>;
  expected_investment_usd: number | null;
  expected_foreign_share_pct: number | null;
  expected_jobs: number | null;
  likelihood: string | null;
  expected_groundbreaking_at: string | null;
  groundbreaking_at: string | null;
  decline_reason: string | null;
  version: Generated<number>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: UpdatedAt & Generated<Date>;
  stage_changed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expiry_warned_at: ColumnType<Date | null, never, Date | string | null>;
}

export interface InterestTransitionsTable {
  id: ColumnType<string | number, never, never>;
  interest_id: string;
  from_stage: string | null;
  to_stage: string;
  at: ColumnType<Date, Date | string | undefined, never>;
  actor_key_id: string | null;
  actor_role: string;
  note: string | null;
  note_visibility: string;
  reason: string | null;
}

export interface WebhooksTable {
  id: Generated<string>;
  url: string;
  events: string[];
  min_score: number | null;
  investor_id: string | null;
  owner_key_id: string | null;
  enabled: Generated<boolean>;
  disabled_reason: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
  after_event_id: ColumnType<string | number, string | number, never>;
  version: Generated<number>;
  created_at: CreatedAt & Generated<Date>;
  updated_at: UpdatedAt & Generated<Date>;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  webhook_id: string;
  event_id: ColumnType<string | number, string | number, never>;
  message_id: string;
  state: Generated<string>;
  attempts: Generated<number>;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_at: CreatedAt & Generated<Date>;
  delivered_at: ColumnType<Date | null, never, Date | string | null>;
}

export interface MatchAlertsTable {
  investor_id: string;
  opportunity_id: string;
  band: string;
  score: number;
  alerted_at: ColumnType<Date, never, Date | string>;
}

export interface Database {
  events: EventsTable;
  interests: InterestsTable;
  interest_transitions: InterestTransitionsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  match_alerts: MatchAlertsTable;
}

// ---- 0008_investor_decisions: merged into the table interfaces above ----

type JsonColumn<T> = ColumnType<T | null, string | null | undefined, string | null>;
type ListColumn = ColumnType<string[], string[] | undefined, string[]>;

export interface OpportunitiesTable {
  kbli_codes: ListColumn;
  regency_code: ColumnType<string | null, string | null | undefined, string | null>;
  land: JsonColumn<Land>;
  financials: JsonColumn<Financials>;
  licensing: JsonColumn<LicensingOverride>;
  incentives: ListColumn;
  /** double precision; pg returns it as a number. */
  tkdn_target_pct: ColumnType<number | null, number | null | undefined, number | null>;
  halal: JsonColumn<HalalFacts>;
  local_government_contact: JsonColumn<LocalGovernmentContact>;
}

export interface InvestorsTable {
  ownership_intent: ColumnType<string | null, string | null | undefined, string | null>;
  certifications: ListColumn;
  halal_capable: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  preferred_regencies: ListColumn;
}

// ---- 0007_staff_workflow: merged into the table interfaces above ----

type TimeColumn = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface OpportunitiesTable {
  last_verified_at: TimeColumn;
  review_due_at: TimeColumn;
  stale_reported_at: TimeColumn;
  expires_at: TimeColumn;
}

/** Each review step of an opportunity: who submitted, sent back or published which version, and why. */
export interface OpportunityReviewsTable {
  /** bigserial; read as a string or number depending on the driver. */
  id: ColumnType<string | number, never, never>;
  opportunity_id: string;
  action: string;
  version: number;
  comment: string | null;
  actor_key_id: string | null;
  actor_role: string;
  at: CreatedAt & Generated<Date>;
}

// ---- 0009_imports ----

export interface OpportunitiesTable {
  external_ref: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ImportsTable {
  id: Generated<string>;
  created_at: CreatedAt & Generated<Date>;
  actor_key_id: string | null;
  actor_role: string;
  mode: string;
  dry_run: boolean;
  status: string;
  format: string;
  filename: string | null;
  counts: ColumnType<Record<string, number>, string, never>;
  rows: ColumnType<unknown[], string, never>;
  source: ColumnType<{ header: string[]; rows: string[][] }, string, never>;
}

export interface Database {
  opportunity_reviews: OpportunityReviewsTable;
  imports: ImportsTable;
}
