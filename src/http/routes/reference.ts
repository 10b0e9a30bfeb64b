import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ANYONE } from '../access.ts';
import type { UiLanguage } from '../../domain/codes.ts';
import { ISLAND_GROUPS } from '../../domain/codes.ts';
import { COUNTRY_CODES, countryName } from '../../domain/reference/countries.ts';
import { HEALTH_PARTNERS, HEALTH_PARTNERS_SOURCE_NOTE, healthPartnerByCountry } from '../../domain/reference/health-partners.ts';
import type { BilingualText, LocalizedName } from '../../domain/reference/i18n.ts';
import { MODALITY_INFO } from '../../domain/reference/modalities.ts';
import { ISLAND_GROUP_NAMES, PROVINCES } from '../../domain/reference/provinces.ts';
import { KBLI_VERSION, SECTORS } from '../../domain/reference/sectors.ts';
import { SPECIAL_ECONOMIC_ZONES } from '../../domain/reference/special-economic-zones.ts';
import { TECHNOLOGY_INFO } from '../../domain/reference/technologies.ts';
import { TRANSFER_DEPTH_INFO } from '../../domain/reference/transfer-depths.ts';
import {
  CountryList,
  HealthPartnerList,
  IslandGroupList,
  ModalityList,
  ProvinceList,
  SectorList,
  SpecialEconomicZoneList,
  TechnologyList,
  TransferDepthList,
} from '../../schemas/reference.ts';

/** Indonesian for Indonesian callers; English for everyone else (legal and regional notes are bilingual). */
const bilingual = (text: BilingualText, language: UiLanguage) => (language === 'id' ? text.id : text.en);
const localized = (names: LocalizedName, language: UiLanguage) => ({ name: names[language], names });

/** Reference data: read-only, public, the vocabulary every other endpoint validates against. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const route = (operationId: string, summary: string, response: object) => ({
    config: { access: ANYONE },
    schema: { tags: ['reference'], operationId, summary, response: { 200: response } },
  });
  app.addHook('onSend', async (_request, reply) => {
    if (reply.statusCode === 200) reply.header('cache-control', 'public, max-age=3600');
  });

  app.get('/v1/sectors', route('listSectors', 'Sector taxonomy (two levels) with KBLI codes', SectorList), async (request) => ({
    kbliVersion: KBLI_VERSION,
    data: SECTORS.map((sector) => ({ ...sector, ...localized(sector.names, request.language), kbli: [...sector.kbli] })),
  }));

  app.get('/v1/technologies', route('listTechnologies', 'Technologies sought and held', TechnologyList), async (request) => ({
    data: TECHNOLOGY_INFO.map((tech) => ({ code: tech.code, ...localized(tech.names, request.language), sectors: [...tech.sectors] })),
  }));

  app.get(
    '/v1/transfer-depths',
    route('listTransferDepths', 'Technology-transfer depths, in order', TransferDepthList),
    async (request) => ({
      data: TRANSFER_DEPTH_INFO.map((depth) => ({
        code: depth.code,
        rank: depth.rank,
        ...localized(depth.names, request.language),
        description: depth.description[request.language],
      })),
    }),
  );

  app.get('/v1/modalities', route('listModalities', 'Investment modalities', ModalityList), async (request) => ({
    data: MODALITY_INFO.map((modality) => ({
      code: modality.code,
      ...localized(modality.names, request.language),
      description: modality.description[request.language],
    })),
  }));

  app.get('/v1/provinces', route('listProvinces', "Indonesia's 38 provinces", ProvinceList), async (request) => ({
    data: PROVINCES.map((province) => ({ ...province, ...localized(province.names, request.language) })),
  }));

  app.get('/v1/island-groups', route('listIslandGroups', 'Island groups and their provinces', IslandGroupList), async (request) => ({
    data: ISLAND_GROUPS.map((code) => ({
      code,
      ...localized(ISLAND_GROUP_NAMES[code], request.language),
      provinces: PROVINCES.filter((province) => province.islandGroup === code).map((province) => province.code),
    })),
  }));

  app.get(
    '/v1/special-economic-zones',
    route('listSpecialEconomicZones', 'Special economic zones (KEK) relevant to health industry', SpecialEconomicZoneList),
    async (request) => ({
      data: SPECIAL_ECONOMIC_ZONES.map((zone) => ({
        ...zone,
        focus: bilingual(zone.focus, request.language),
        healthRelevance: bilingual(zone.healthRelevance, request.language),
        ...(zone.note && { note: bilingual(zone.note, request.language) }),
      })),
    }),
  );

  app.get('/v1/countries', route('listCountries', 'Countries (ISO 3166-1 alpha-2)', CountryList), async (request) => ({
    data: COUNTRY_CODES.map((code) => ({
      code,
      name: countryName(code, request.language) ?? code,
      healthPartnership: healthPartnerByCountry.get(code)?.kind ?? null,
    })),
  }));

  app.get(
    '/v1/health-partners',
    route('listHealthPartners', 'Countries with a bilateral health MoU or partnership with Indonesia', HealthPartnerList),
    async (request) => ({
      sourceNote: HEALTH_PARTNERS_SOURCE_NOTE,
      data: HEALTH_PARTNERS.map((partner) => ({
        ...partner,
        countryName: countryName(partner.country, request.language) ?? partner.country,
        note: bilingual(partner.note, request.language),
      })),
    }),
  );
};
