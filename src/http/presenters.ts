import { actsForBkpm, type Actor } from '../domain/access.ts';
import type { ApiKeyRecord } from '../domain/api-keys.ts';
import type { AuditEntry } from '../domain/audit.ts';
import type { UiLanguage } from '../domain/codes.ts';
import { respondBy } from '../domain/interests.ts';
import type { Delivery, Webhook } from '../domain/webhooks.ts';
import { toIdr, type UsdIdrRate } from '../domain/investment-facts.ts';
import type { Investor } from '../domain/investor.ts';
import { halalDeadlineOf, licensingFor } from '../domain/licensing.ts';
import { isStale, type Opportunity } from '../domain/opportunity.ts';
import { pickText } from '../domain/text.ts';
import { countryName } from '../domain/reference/countries.ts';
import { provinceByCode } from '../domain/reference/provinces.ts';
import { regencyByCode } from '../domain/reference/regencies.ts';
import { sectorParentOf } from '../domain/reference/sectors.ts';
import type { ApiKeyView } from '../schemas/api-keys.ts';
import type { AuditEntryView } from '../schemas/audit.ts';
import type { ImportRecordView } from '../schemas/imports.ts';
import type { InterestView } from '../schemas/interests.ts';
import type { InvestorView } from '../schemas/investors.ts';
import type { OpportunityView } from '../schemas/opportunities.ts';
import type { DeliveryView, WebhookView } from '../schemas/webhooks.ts';
import type { ImportRecord } from '../services/imports.ts';
import type { InterestWithHistory } from '../services/interests.ts';

export function presentOpportunity(opportunity: Opportunity, language: UiLanguage, rate: UsdIdrRate): OpportunityView {
  const title = pickText(opportunity.title, language);
  const summary = pickText(opportunity.summary, language);
  return {
    id: opportunity.id,
    ...(opportunity.externalRef !== undefined && { externalRef: opportunity.externalRef }),
    status: opportunity.status,
    title: opportunity.title,
    summary: opportunity.summary,
    display: {
      language: title.language,
      fallback: title.fallback,
      title: title.text,
      summary: summary.text,
      languages: { title: title.language, summary: summary.language },
    },
    sector: opportunity.sector,
    sectorParent: sectorParentOf(opportunity.sector) ?? opportunity.sector,
    technologies: opportunity.technologies,
    requiredTransferDepth: opportunity.requiredTransferDepth,
    modalities: opportunity.modalities,
    location: {
      ...opportunity.location,
      islandGroup: provinceByCode.get(opportunity.location.province)!.islandGroup,
      ...(opportunity.location.regencyCode && { regencyName: regencyByCode.get(opportunity.location.regencyCode)?.name }),
    },
    investmentUsd: opportunity.investmentUsd,
    sponsor: opportunity.sponsor,
    contact: opportunity.contact,
    version: opportunity.version,
    createdAt: opportunity.createdAt.toISOString(),
    updatedAt: opportunity.updatedAt.toISOString(),
    publishedAt: opportunity.publishedAt?.toISOString() ?? null,
    lastVerifiedAt: opportunity.lastVerifiedAt?.toISOString() ?? null,
    reviewDueAt: opportunity.reviewDueAt?.toISOString() ?? null,
    stale: isStale(opportunity, new Date()),
    ...(opportunity.expiresAt && { expiresAt: opportunity.expiresAt }),
    ...presentDecisionFacts(opportunity, rate),
  };
}

/** The investor-decision facts with what follows from them: licensing defaults, rupiah, halal deadline. */
function presentDecisionFacts(opportunity: Opportunity, rate: UsdIdrRate) {
  const { financials, halal } = opportunity;
  return {
    kbliCodes: opportunity.kbliCodes,
    incentives: opportunity.incentives,
    licensing: licensingFor(opportunity.kbliCodes, opportunity.licensing),
    ...(opportunity.land && { land: opportunity.land }),
    ...(financials && {
      financials: {
        ...financials,
        ...(financials.projectValueIdr === undefined && financials.projectValueUsd !== undefined && { projectValueIdr: toIdr(financials.projectValueUsd, rate) }),
        usdIdrRate: rate,
      },
    }),
    ...(opportunity.tkdnTargetPct !== undefined && { tkdnTargetPct: opportunity.tkdnTargetPct }),
    ...(halal && { halal: { ...halal, ...(halalDeadlineOf(halal) && { deadline: halalDeadlineOf(halal) }) } }),
    ...(opportunity.localGovernmentContact && { localGovernmentContact: opportunity.localGovernmentContact }),
  };
}

export function presentInvestor(investor: Investor, language: UiLanguage, rate: UsdIdrRate): InvestorView {
  const ticket = investor.ticketUsd;
  return {
    ...investor,
    ticketIdr: ticket && { min: toIdr(ticket.min, rate), max: toIdr(ticket.max, rate), usdIdrRate: rate },
    countryName: countryName(investor.country, language) ?? investor.country,
    createdAt: investor.createdAt.toISOString(),
    updatedAt: investor.updatedAt.toISOString(),
  };
}

export function presentApiKey(key: ApiKeyRecord): ApiKeyView {
  return {
    id: key.id,
    prefix: key.prefix,
    role: key.role,
    label: key.label,
    investorId: key.investorId,
    allowedOrigins: key.allowedOrigins,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

export function presentAuditEntry(entry: AuditEntry): AuditEntryView {
  return {
    ...entry,
    at: entry.at.toISOString(),
    before: entry.before as AuditEntryView['before'],
    after: entry.after as AuditEntryView['after'],
  };
}

/**
 * The investor sees its interest with shared notes only and BKPM as one party; staff see every
 * note and which key made each move.
 */
export function presentInterest({ interest, history }: InterestWithHistory, actor: Actor, responseDays: number): InterestView {
  const staff = actsForBkpm(actor);
  return {
    ...interest,
    contactErasedAt: interest.contactErasedAt?.toISOString() ?? null,
    respondBy: interest.stage === 'submitted' ? respondBy(interest.createdAt, responseDays).toISOString() : null,
    createdAt: interest.createdAt.toISOString(),
    updatedAt: interest.updatedAt.toISOString(),
    history: history.map((move) => ({
      from: move.from,
      to: move.to,
      at: move.at.toISOString(),
      reason: move.reason,
      ...(staff
        ? { by: move.actorRole, actorKeyId: move.actorKeyId, note: move.note, noteVisibility: move.noteVisibility }
        : { by: move.actorRole === 'investor' ? 'investor' : 'BKPM', note: move.noteVisibility === 'shared' ? move.note : null }),
    })),
  };
}

export function presentWebhook(webhook: Webhook): WebhookView {
  return { ...webhook, createdAt: webhook.createdAt.toISOString(), updatedAt: webhook.updatedAt.toISOString() };
}

export function presentDelivery(delivery: Delivery): DeliveryView {
  return {
    ...delivery,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
  };
}

/** An import record as the API shows it: every error also listed once, in row order. */
export function presentImport(record: ImportRecord): ImportRecordView {
  return {
    id: record.id,
    createdAt: record.createdAt.toISOString(),
    mode: record.mode,
    dryRun: record.dryRun,
    status: record.status,
    format: record.format as ImportRecordView['format'],
    filename: record.filename,
    counts: record.counts as ImportRecordView['counts'],
    rows: record.rows,
    errors: record.rows.flatMap((row) => row.errors),
  };
}
