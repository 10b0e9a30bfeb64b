import { z } from 'zod';
import { PROVINCE_CODES, SECTOR_CODES } from '../domain/codes.ts';
import { FUNNEL_GROUPINGS } from '../domain/funnel.ts';
import { INTEREST_STAGES } from '../domain/interests.ts';
import { Timestamp, csvList } from './common.ts';
import { InterestStageSchema } from './interests.ts';
import { CountryCode } from './investors.ts';
import { ProvinceCodeSchema, SectorCodeSchema } from './opportunities.ts';

export const FunnelQuery = z
  .object({
    from: Timestamp.optional().meta({ description: 'Interests created at or after this time' }),
    to: Timestamp.optional().meta({ description: 'Interests created before this time' }),
    sector: csvList(SectorCodeSchema, SECTOR_CODES.length, 'Sectors (a parent includes its leaves)').optional(),
    province: csvList(ProvinceCodeSchema, PROVINCE_CODES.length, 'Provinces').optional(),
    country: csvList(CountryCode, 250, 'Investor countries').optional(),
    groupBy: z.enum(FUNNEL_GROUPINGS).optional().meta({ description: 'One row per sector, province, investor country or opportunity; one row `all` when left out' }),
  })
  .strict();

const Amounts = z.object({ count: z.number().int(), investmentUsd: z.number(), jobs: z.number() }).meta({ id: 'FunnelAmounts' });
const Step = { from: InterestStageSchema, to: InterestStageSchema };

export const FunnelRow = z
  .object({
    group: z.string().meta({ description: 'The sector, province, country code or opportunity id; `all` without groupBy' }),
    publishedOpportunities: z.number().int().nullable().meta({ description: 'Null when grouped by investor country' }),
    strongPairs: z.number().int().meta({ description: 'Investor–opportunity pairs in the strong band (score ≥ 75)' }),
    interests: z.number().int(),
    stages: z.object(Object.fromEntries(INTEREST_STAGES.map((stage) => [stage, Amounts])) as Record<(typeof INTEREST_STAGES)[number], typeof Amounts>).meta({
      description: 'Interests now at each stage, with the investment (USD: the expected investment, else the midpoint of the opportunity range) and jobs they stand for',
    }),
    indicated: Amounts.meta({ description: 'Open interests up to committed' }),
    realised: Amounts.meta({ description: 'Interests that reached groundbreaking' }),
    conversion: z.array(z.object({ ...Step, rate: z.number().nullable() })).meta({ description: 'Share of interests that reached `from` and went on to `to`' }),
    medianDays: z.array(z.object({ ...Step, days: z.number().nullable() })).meta({ description: 'Median days from entering `from` to entering `to`' }),
    pastResponseTime: z.number().int().meta({ description: 'Interests nobody answered within the response time (expired, or still submitted past it)' }),
  })
  .meta({ id: 'FunnelRow' });

export const Funnel = z.object({ data: z.array(FunnelRow) }).meta({ id: 'Funnel' });
