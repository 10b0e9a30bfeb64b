import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import {
  DEPTH_FIT_BY_STEPS_SHORT,
  LOCATION_DISTANCE_MAX,
  LOCATION_DISTANCE_SCALE_KM,
  LOCATION_ISLAND_GROUP_SCORE,
  SECTOR_SIBLING_SCORE,
  SIZE_GAP_SCALE_DECADES,
  SIZE_OVERLAP_FLOOR,
  DEFAULT_WEIGHTS,
  EVIDENCE_EXPONENT,
} from '../../src/domain/matching/model.ts';
import type { MatchableInvestor } from '../../src/domain/matching/types.ts';
import { TRANSFER_DEPTHS } from '../../src/domain/codes.ts';
import { PROVINCES } from '../../src/domain/reference/provinces.ts';
import { SECTORS, sectorParentOf } from '../../src/domain/reference/sectors.ts';

/**
 * The matching model written as one plain SQL query: what a service without the in-memory
 * index would run. Same factors, same constants, default weights; the benchmark's baseline.
 */
export async function sqlTopMatches(db: Kysely<Database>, investor: MatchableInvestor, limit: number) {
  const leaves = investor.sectors.filter((code) => sectorParentOf(code) !== null);
  const parents = investor.sectors.filter((code) => sectorParentOf(code) === null);
  const siblingParents = leaves.map((leaf) => sectorParentOf(leaf)!);
  const preferred = [...investor.preferredProvinces];
  const groups = [...investor.preferredIslandGroups];
  const preferredGroups = PROVINCES.filter((p) => preferred.includes(p.code)).map((p) => p.islandGroup);
  const neutral = {
    sector: investor.sectors.length === 0,
    technology: investor.technologies.length === 0 && investor.maxTransferDepth === null,
    location: preferred.length === 0 && groups.length === 0,
    size: investor.ticketUsd === null,
    modality: investor.modalities.length === 0,
  };
  const requested = Object.values(DEFAULT_WEIGHTS).reduce((sum, x) => sum + x, 0);
  // Default weight of a factor the investor states, else 0; technology and modality also need the opportunity to state them.
  const w = (f: keyof typeof neutral) => (neutral[f] ? 0 : DEFAULT_WEIGHTS[f]);
  const willing = investor.maxTransferDepth === null ? -1 : TRANSFER_DEPTHS.indexOf(investor.maxTransferDepth);
  const provinceRows = sql.join(PROVINCES.map((p) => sql`(${p.code}, ${p.islandGroup}, ${p.coordinate.lat}::float8, ${p.coordinate.lon}::float8)`));
  const parentRows = sql.join(SECTORS.filter((s) => s.parent).map((s) => sql`(${s.code}, ${s.parent})`));
  const depthRows = sql.join(TRANSFER_DEPTHS.map((d, i) => sql`(${d}, ${i}::int)`));
  const ticketMin = Math.log10(investor.ticketUsd?.min ?? 1);
  const ticketMax = Math.log10(investor.ticketUsd?.max ?? 1);
  const fit = DEPTH_FIT_BY_STEPS_SHORT;

  const result = await sql<{ id: string; score: number }>`
    with province(code, grp, lat, lon) as (values ${provinceRows}),
    leaf_parent(leaf, parent) as (values ${parentRows}),
    depth(code, rank) as (values ${depthRows}),
    anchor as (select lat, lon from province where code = any(${preferred}::text[]) or grp = any(${groups}::text[])),
    factors as (
      select o.id,
        case when cardinality(o.technologies) = 0 then 0 else ${w('technology')}::float8 end as w_technology,
        case when cardinality(o.modalities) = 0 then 0 else ${w('modality')}::float8 end as w_modality,
        case when o.sector = any(${leaves}::text[]) then 1
             when lp.parent = any(${parents}::text[]) then 1
             when lp.parent = any(${siblingParents}::text[]) then ${SECTOR_SIBLING_SCORE}::float8
             else 0 end as sector,
        (case when cardinality(o.technologies) = 0 then 1
              else (select count(*) from unnest(o.technologies) t where t = any(${investor.technologies}::text[]))::float8 / cardinality(o.technologies) end)
        * (case when ${willing}::int < 0 then 1
                else (array[${fit[0]}, ${fit[1]}, ${fit[2]}, ${fit[3]}]::float8[])[greatest(0, d.rank - ${willing}::int) + 1] end) as technology,
        -- With no preferred place there is no anchor; the factor is neutral (weight 0), so 0.
        coalesce(case when o.province = any(${preferred}::text[]) then 1
             when p.grp = any(${groups}::text[]) or p.grp = any(${preferredGroups}::text[]) then ${LOCATION_ISLAND_GROUP_SCORE}::float8
             else ${LOCATION_DISTANCE_MAX}::float8 * exp(-(select min(2 * 6371.0088 * asin(sqrt(
                    sin(radians(a.lat - p.lat) / 2) ^ 2 + cos(radians(p.lat)) * cos(radians(a.lat)) * sin(radians(a.lon - p.lon) / 2) ^ 2)))
                  from anchor a) / ${LOCATION_DISTANCE_SCALE_KM}::float8) end, 0) as location,
        case when least(log(o.investment_max_usd::float8), ${ticketMax}::float8) >= greatest(log(o.investment_min_usd::float8), ${ticketMin}::float8)
             then ${SIZE_OVERLAP_FLOOR}::float8 + (1 - ${SIZE_OVERLAP_FLOOR}::float8) * coalesce(least(1,
                    (least(log(o.investment_max_usd::float8), ${ticketMax}::float8) - greatest(log(o.investment_min_usd::float8), ${ticketMin}::float8))
                    / nullif(least(log(o.investment_max_usd::float8) - log(o.investment_min_usd::float8), ${ticketMax - ticketMin}::float8), 0)), 1)
             else ${SIZE_OVERLAP_FLOOR}::float8 * exp(-(greatest(log(o.investment_min_usd::float8), ${ticketMin}::float8)
                    - least(log(o.investment_max_usd::float8), ${ticketMax}::float8)) / ${SIZE_GAP_SCALE_DECADES}::float8) end as size,
        case when cardinality(o.modalities) = 0 then 1
             else (select count(*) from unnest(o.modalities) m where m = any(${investor.modalities}::text[]))::float8 / cardinality(o.modalities) end as modality
      from opportunities o
      join province p on p.code = o.province
      join depth d on d.code = o.required_transfer_depth
      left join leaf_parent lp on lp.leaf = o.sector
      where o.status = 'published'),
    known as (
      select *, ${w('sector')}::float8 + w_technology + ${w('location')}::float8 + ${w('size')}::float8 + w_modality as w_known from factors)
    -- Weighted mean of the known factors times (share of weight known) ^ EVIDENCE_EXPONENT.
    select id, case when w_known = 0 then 0 else round((100 * (${w('sector')}::float8 * sector + w_technology * technology
                             + ${w('location')}::float8 * location + ${w('size')}::float8 * size + w_modality * modality) / w_known
                             * power(w_known / ${requested}::float8, ${EVIDENCE_EXPONENT}::float8))::numeric, 2)::float8 end as score
    from known order by score desc, id limit ${limit}`.execute(db);
  return result.rows;
}
