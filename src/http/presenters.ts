import type { ApiKeyRecord } from '../db/repositories/api-keys.ts';
import type { AuditEntry } from '../db/repositories/audit.ts';
import type { UiLanguage } from '../domain/codes.ts';
import type { Investor } from '../domain/investor.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import { pickText } from '../domain/text.ts';
import { countryName } from '../reference/countries.ts';
import { provinceByCode } from '../reference/provinces.ts';
import { sectorParentOf } from '../reference/sectors.ts';
import type { ApiKeyView } from '../schemas/api-keys.ts';
import type { AuditEntryView } from '../schemas/audit.ts';
import type { InvestorView } from '../schemas/investors.ts';
import type { OpportunityView } from '../schemas/opportunities.ts';

export function presentOpportunity(opportunity: Opportunity, language: UiLanguage): OpportunityView {
  const title = pickText(opportunity.title, language);
  const summary = pickText(opportunity.summary, language);
  return {
    id: opportunity.id,
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
    location: { ...opportunity.location, islandGroup: provinceByCode.get(opportunity.location.province)!.islandGroup },
    investmentUsd: opportunity.investmentUsd,
    sponsor: opportunity.sponsor,
    contact: opportunity.contact,
    version: opportunity.version,
    createdAt: opportunity.createdAt.toISOString(),
    updatedAt: opportunity.updatedAt.toISOString(),
    publishedAt: opportunity.publishedAt?.toISOString() ?? null,
  };
}

export function presentInvestor(investor: Investor, language: UiLanguage): InvestorView {
  return {
    ...investor,
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
    action: entry.action as AuditEntryView['action'],
  };
}
