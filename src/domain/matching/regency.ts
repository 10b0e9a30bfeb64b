/**
 * Regency-level location: an investor that names regencies (cities) wants to be near them, not
 * anywhere in their provinces. Within such a province, an opportunity whose regency is known
 * scores by its distance to the nearest named regency; one whose regency is not known scores
 * as "somewhere in the province". Both stay at or below the province-level score, which the
 * index uses as its bound.
 */
import { PROVINCE_CODES } from '../codes.ts';
import type { RegencyPoint } from './types.ts';

/** Somewhere in the province of a preferred regency, the exact place unknown. */
export const LOCATION_REGENCY_PROVINCE_SCORE = 0.8;
/** Distance at which the regency part of the score falls to 1/e. */
export const LOCATION_REGENCY_SCALE_KM = 50;

export interface RegencyAnchors {
  points: readonly RegencyPoint[];
  /** 1 for each province (PROVINCE_CODES order) that holds a preferred regency. */
  provinces: Uint8Array;
}

const PROVINCE_POSITION = new Map<string, number>(PROVINCE_CODES.map((code, i) => [code, i]));

export function prepareRegencies(points: readonly RegencyPoint[] | undefined): RegencyAnchors | null {
  if (!points?.length) return null;
  const provinces = new Uint8Array(PROVINCE_CODES.length);
  for (const point of points) {
    const i = PROVINCE_POSITION.get(point.province);
    if (i !== undefined) provinces[i] = 1;
  }
  return { points, provinces };
}

/** 1 at a preferred regency, decaying with distance to the province-level floor. */
export function regencyLocationScore(km: number | undefined): number {
  if (km === undefined) return LOCATION_REGENCY_PROVINCE_SCORE;
  return LOCATION_REGENCY_PROVINCE_SCORE + (1 - LOCATION_REGENCY_PROVINCE_SCORE) * Math.exp(-km / LOCATION_REGENCY_SCALE_KM);
}
