import {
  ISLAND_GROUPS,
  MODALITIES,
  PROVINCE_CODES,
  SECTOR_CODES,
  SECTOR_LEAVES,
  TECHNOLOGIES,
  TRANSFER_DEPTHS,
} from '../domain/codes.ts';
import type { InvestorInput } from '../domain/investor.ts';
import type { OpportunityInput } from '../domain/opportunity.ts';
import { SPONSOR_KINDS } from '../domain/opportunity.ts';

/** A small seeded generator (mulberry32) so synthetic data sets are repeatable. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const some = <T>(values: readonly T[], min: number, max: number): T[] => {
    const count = min + Math.floor(next() * (max - min + 1));
    const chosen = new Set<T>();
    while (chosen.size < Math.min(count, values.length)) chosen.add(pick(values));
    return [...chosen];
  };
  /** A USD range between 10^lowExp and 10^highExp, log-uniform. */
  const usdRange = (lowExp: number, highExp: number) => {
    const a = 10 ** (lowExp + next() * (highExp - lowExp));
    const b = a * (1.5 + next() * 8);
    return { min: Math.round(a / 1000) * 1000 || 1000, max: Math.round(b / 1000) * 1000 };
  };
  return { next, pick, some, usdRange };
}

export function syntheticOpportunity(random: ReturnType<typeof createRandom>, n: number): OpportunityInput {
  const sector = random.pick(SECTOR_LEAVES);
  const province = random.pick(PROVINCE_CODES);
  return {
    title: { en: `Synthetic opportunity ${n}: ${sector} in ${province}`, id: `Peluang sintetis ${n}: ${sector} di ${province}` },
    summary: {
      en: `Generated for load testing; sector ${sector}, province ${province}.`,
      id: `Dibuat untuk uji beban; sektor ${sector}, provinsi ${province}.`,
    },
    sector,
    technologies: random.some(TECHNOLOGIES, 0, 3),
    requiredTransferDepth: random.pick(TRANSFER_DEPTHS),
    modalities: random.some(MODALITIES, 1, 3),
    location: { province },
    investmentUsd: random.usdRange(6, 8.5),
    sponsor: { name: `Sponsor ${n % 500}`, kind: random.pick(SPONSOR_KINDS) },
    contact: { name: 'Load Test', email: `synthetic-${n}@example.id` },
  };
}

/** Investors state some preferences and leave others open, as real profiles do. */
export function syntheticInvestor(random: ReturnType<typeof createRandom>, n: number): InvestorInput {
  const states = () => random.next() < 0.8;
  return {
    companyName: `Synthetic Investor ${n}`,
    country: random.pick(['KR', 'JP', 'CN', 'DE', 'DK', 'FR', 'NL', 'SA', 'AE', 'QA', 'TR', 'IN', 'SG', 'US', 'CH']),
    summary: { en: 'Generated for load testing.' },
    sectors: states() ? random.some(SECTOR_CODES, 1, 3) : [],
    technologies: states() ? random.some(TECHNOLOGIES, 1, 4) : [],
    maxTransferDepth: states() ? random.pick(TRANSFER_DEPTHS) : null,
    modalities: states() ? random.some(MODALITIES, 1, 3) : [],
    preferredProvinces: states() ? random.some(PROVINCE_CODES, 1, 3) : [],
    preferredIslandGroups: random.next() < 0.3 ? random.some(ISLAND_GROUPS, 1, 2) : [],
    ticketUsd: states() ? random.usdRange(6, 8.5) : null,
    languages: ['en'],
    contact: { name: 'Load Test', email: `investor-${n}@example.com` },
    website: null,
  };
}
