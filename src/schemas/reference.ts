import { z } from 'zod';
import { UI_LANGUAGES } from '../domain/codes.ts';
import {
  IslandGroupCode,
  ModalityCode,
  ProvinceCodeSchema,
  SectorCodeSchema,
  SectorLeafCode,
  TechnologyCode,
  TransferDepthCode,
} from './opportunities.ts';

const Names = z.object(Object.fromEntries(UI_LANGUAGES.map((lang) => [lang, z.string()])) as Record<(typeof UI_LANGUAGES)[number], z.ZodString>);
const Bilingual = z.object({ en: z.string(), id: z.string() });

/** `name` is in the caller's language (Accept-Language); `names` has every language. */
const named = { name: z.string(), names: Names };

export const SectorList = z
  .object({
    kbliVersion: z.string().meta({ description: 'KBLI edition the codes refer to' }),
    data: z.array(
      z.object({
        code: SectorCodeSchema,
        parent: SectorCodeSchema.nullable(),
        ...named,
        kbli: z.array(z.string()),
        kbliTitles: z.record(z.string(), z.string()),
        kbliNote: Bilingual.optional(),
        group: z.literal('biologics').optional(),
        domesticOnly: z.object({ kbli: z.array(z.string()), basis: z.string(), note: Bilingual }).optional(),
      }),
    ),
  })
  .meta({ id: 'SectorList' });

export const TechnologyList = z
  .object({ data: z.array(z.object({ code: TechnologyCode, ...named, sectors: z.array(SectorLeafCode) })) })
  .meta({ id: 'TechnologyList' });

export const TransferDepthList = z
  .object({
    data: z.array(z.object({ code: TransferDepthCode, rank: z.number().int(), ...named, description: z.string() })),
  })
  .meta({ id: 'TransferDepthList' });

export const ModalityList = z
  .object({ data: z.array(z.object({ code: ModalityCode, ...named, description: z.string() })) })
  .meta({ id: 'ModalityList' });

export const ProvinceList = z
  .object({
    data: z.array(
      z.object({
        code: ProvinceCodeSchema,
        bpsCode: z.string(),
        ...named,
        capital: z.string(),
        islandGroup: IslandGroupCode,
        coordinate: z.object({ lat: z.number(), lon: z.number() }),
      }),
    ),
  })
  .meta({ id: 'ProvinceList' });

export const IslandGroupList = z
  .object({ data: z.array(z.object({ code: IslandGroupCode, ...named, provinces: z.array(ProvinceCodeSchema) })) })
  .meta({ id: 'IslandGroupList' });

export const SpecialEconomicZoneList = z
  .object({
    data: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        province: ProvinceCodeSchema,
        established: z.number().int(),
        regulation: z.string(),
        focus: z.string(),
        healthRelevance: z.string(),
        note: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'SpecialEconomicZoneList' });

export const CountryList = z
  .object({
    data: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        healthPartnership: z.enum(['health-mou', 'strategic-health-partnership']).nullable(),
      }),
    ),
  })
  .meta({ id: 'CountryList' });

export const HealthPartnerList = z
  .object({
    sourceNote: z.string(),
    data: z.array(
      z.object({
        country: z.string(),
        countryName: z.string(),
        kind: z.enum(['health-mou', 'strategic-health-partnership']),
        since: z.number().int().optional(),
        note: z.string(),
        source: z.string(),
      }),
    ),
  })
  .meta({ id: 'HealthPartnerList' });
