import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SECTOR_LEAVES, type UiLanguage } from '../../domain/codes.ts';
import { HALAL_NOTE, HALAL_OBLIGATIONS } from '../../domain/reference/halal.ts';
import type { BilingualText, FiveLanguageName } from '../../domain/reference/i18n.ts';
import { INCENTIVE_INFO, TAX_HOLIDAY_TIERS } from '../../domain/reference/incentives.ts';
import { AUTHORITY_NAMES, CERTIFICATE_NAMES, KBLI, kbliByCode, type KbliInfo } from '../../domain/reference/kbli.ts';
import { sectorByCode } from '../../domain/reference/sectors.ts';
import { TKDN_REGIME_INFO } from '../../domain/reference/tkdn.ts';
import { problemResponses } from '../../schemas/common.ts';
import {
  HalalObligationList,
  IncentiveList,
  KbliEntry,
  KbliList,
  KbliParams,
  RegencyPage,
  RegencySearch,
  TkdnRegimeList,
} from '../../schemas/decision-reference.ts';
import { notFound } from '../../services/errors.ts';
import { listRegencies } from '../../services/regencies.ts';
import { ANYONE } from '../access.ts';

const bilingual = (text: BilingualText, language: UiLanguage) => (language === 'id' ? text.id : text.en);
const named = (names: FiveLanguageName, language: UiLanguage) => ({ name: names[language], names });

function presentKbli(row: KbliInfo, language: UiLanguage) {
  return {
    code: row.code,
    kbliVersion: '2020' as const,
    title: row.titles[language],
    titles: row.titles,
    sectors: SECTOR_LEAVES.filter((leaf) => sectorByCode.get(leaf)?.kbli.includes(row.code)),
    foreignEquityCapPct: row.foreignEquityCapPct,
    foreignEquity: { source: row.foreignEquity.source, asOf: row.foreignEquity.asOf, note: bilingual(row.foreignEquity.note, language) },
    ossRiskLevel: row.ossRiskLevel,
    ossRisk: row.ossRisk,
    licensingAuthorities: row.authorities.map((code) => ({ code, ...named(AUTHORITY_NAMES[code], language) })),
    certificates: row.certificates.map((code) => {
      const { basis, ...names } = CERTIFICATE_NAMES[code];
      return { code, ...named(names, language), basis };
    }),
    taxHolidayPioneer: row.taxHolidayPioneer,
    taxHoliday: { source: row.taxHoliday.source, asOf: row.taxHoliday.asOf, note: bilingual(row.taxHoliday.note, language) },
    source: row.source,
    asOf: row.asOf,
  };
}

/**
 * What an investor decides on: KBLI activities with their ownership caps and licences,
 * incentives, halal and local-content rules, and regencies. Public, each fact with its source
 * and the date it was checked; names in five languages, legal notes in Indonesian or English.
 */
export const decisionReferenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const route = <R extends object, E extends object = object>(operationId: string, summary: string, description: string, response: R, input?: E) => ({
    config: { access: ANYONE },
    schema: {
      tags: ['reference'],
      operationId,
      summary,
      description: `${description} Public: anyone may call it, with or without a key.`,
      response,
      ...(input as E),
    },
  });
  app.addHook('onSend', async (_request, reply) => {
    if (reply.statusCode === 200) reply.header('cache-control', 'public, max-age=3600');
  });

  app.get(
    '/v1/kbli',
    route(
      'listKbli',
      'KBLI 2020 health activities: ownership caps, licensing, incentives',
      'Every KBLI 2020 code of the sector taxonomy with its foreign-equity cap (Perpres 10/2021 as amended by 49/2021), OSS risk level (PP 28/2025; `unknown` where not verified), licensing authorities, required certificates and tax-holiday pioneer flag (PMK 130/2020).',
      { 200: KbliList },
    ),
    async (request) => ({ data: KBLI.map((row) => presentKbli(row, request.language)) }),
  );

  app.get(
    '/v1/kbli/:code',
    route(
      'getKbli',
      'One KBLI 2020 health activity',
      'A KBLI 2020 code of the sector taxonomy, as in the list; any other code is 404.',
      { 200: KbliEntry, ...problemResponses(400, 404) },
      { params: KbliParams },
    ),
    async (request) => {
      const row = kbliByCode.get(request.params.code);
      if (!row) throw notFound('KBLI code', request.params.code);
      return presentKbli(row, request.language);
    },
  );

  app.get(
    '/v1/incentives',
    route(
      'listIncentives',
      'Fiscal incentives: tax holiday, tax allowance, R&D super deduction, special economic zones',
      'Each incentive with its legal basis, eligibility rule and whether its terms are verified; the tax holiday with its tiers and the caveat every tax-holiday badge carries.',
      { 200: IncentiveList },
    ),
    async (request) => ({
      data: INCENTIVE_INFO.map((info) => ({
        code: info.code,
        ...named(info.names, request.language),
        legalBasis: info.legalBasis,
        eligibility: bilingual(info.eligibility, request.language),
        termsVerified: info.termsVerified,
        ...(info.caveat && { caveat: bilingual(info.caveat, request.language) }),
        ...(info.code === 'tax-holiday' && { tiers: [...TAX_HOLIDAY_TIERS] }),
        source: info.source,
        asOf: info.asOf,
      })),
    }),
  );

  app.get(
    '/v1/halal-obligations',
    route(
      'listHalalObligations',
      'Halal-certification deadlines by product category',
      'UU 33/2014 and its implementing rules: the deadline per drug category and device class (devices only when of animal origin or with animal material). Whether PP 42/2024 changed the dates is unverified.',
      { 200: HalalObligationList },
    ),
    async (request) => ({
      note: bilingual(HALAL_NOTE, request.language),
      data: HALAL_OBLIGATIONS.map((o) => ({ ...o, ...named(o.names, request.language), appliesTo: bilingual(o.appliesTo, request.language) })),
    }),
  );

  app.get(
    '/v1/tkdn-regimes',
    route(
      'listTkdnRegimes',
      'Local-content (TKDN) regimes for drugs and medical devices',
      'How local content is computed (Permenperin 16/2020 for drugs, 31/2022 for devices) and the share from which government procurement gives priority.',
      { 200: TkdnRegimeList },
    ),
    async (request) => ({
      data: TKDN_REGIME_INFO.map((r) => ({ ...r, ...named(r.names, request.language), method: bilingual(r.method, request.language) })),
    }),
  );

  app.get(
    '/v1/regencies',
    route(
      'listRegencies',
      "Indonesia's 514 regencies and cities",
      'Kemendagri codes (Kepmendagri 300.2.2-2138/2025), province, type, official Indonesian name and a representative coordinate, in code order with cursor pagination. Data: ODbL (idn-area-data), coordinates MIT (cahyadsn/wilayah_boundaries).',
      { 200: RegencyPage, ...problemResponses(400) },
      { querystring: RegencySearch },
    ),
    async (request) => listRegencies(request.query),
  );
};
