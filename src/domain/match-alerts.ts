/**
 * Match alerts: an investor hears of a published opportunity that fits it, once per pair until
 * the pair's score band changes.
 */

/** Lower bound of the `strong` band: the default threshold of a `match.new` subscription. */
export const STRONG_MATCH_SCORE = 75;
/** Lower bound of the `good` band. */
export const GOOD_MATCH_SCORE = 50;

export const SCORE_BANDS = ['strong', 'good', 'weak'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

export function bandOf(score: number): ScoreBand {
  if (score >= STRONG_MATCH_SCORE) return 'strong';
  return score >= GOOD_MATCH_SCORE ? 'good' : 'weak';
}

/** The lowest threshold among an investor's `match.new` subscriptions; unset ones mean the strong band. */
export const alertThreshold = (minScores: readonly (number | null)[]) => Math.min(...minScores.map((score) => score ?? STRONG_MATCH_SCORE));

/** Whether a pair scoring `score` is alerted, given the band it was last alerted in. */
export function shouldAlert(score: number, threshold: number, lastBand: ScoreBand | undefined): boolean {
  return score >= threshold && bandOf(score) !== lastBand;
}
