/**
 * Ranking-quality measures over a judged set. Lists are "condensed": only judged
 * opportunities count, in the order the service ranked them, so an unjudged opportunity
 * neither helps nor hurts (judgements are sparse by design).
 */

export const GRADES = [0, 1, 2, 3] as const;
export type Grade = (typeof GRADES)[number];

/** A grade at or above this is "relevant" for precision and reciprocal rank. */
export const RELEVANT_GRADE = 2;

export interface JudgedResult {
  opportunity: string;
  grade: Grade;
  score: number;
}

const gain = (grade: number) => 2 ** grade - 1;

function dcg(grades: readonly number[], k: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) sum += gain(grades[i]!) / Math.log2(i + 2);
  return sum;
}

/** nDCG@k with exponential gain; 1 when nothing judged is relevant at all. */
export function ndcgAt(ranked: readonly JudgedResult[], k: number): number {
  const grades = ranked.map((r) => r.grade);
  const ideal = dcg([...grades].sort((a, b) => b - a), k);
  return ideal === 0 ? 1 : dcg(grades, k) / ideal;
}

/** Share of the first k results that are relevant (k capped at the list length). */
export function precisionAt(ranked: readonly JudgedResult[], k: number): number {
  const top = ranked.slice(0, k);
  return top.length === 0 ? 0 : top.filter((r) => r.grade >= RELEVANT_GRADE).length / top.length;
}

/** 1 / rank of the first relevant result; 0 when there is none. */
export function reciprocalRank(ranked: readonly JudgedResult[]): number {
  const i = ranked.findIndex((r) => r.grade >= RELEVANT_GRADE);
  return i < 0 ? 0 : 1 / (i + 1);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface OutOfPlace {
  investor: string;
  better: JudgedResult;
  worse: JudgedResult;
}

/**
 * Pairs of one profile's results in the wrong order: the better-graded one scores lower.
 * Worst first: by grade gap, then by how far the scores are the wrong way round.
 */
export function outOfPlacePairs(investor: string, ranked: readonly JudgedResult[]): OutOfPlace[] {
  const pairs: OutOfPlace[] = [];
  for (const better of ranked) {
    for (const worse of ranked) {
      if (better.grade > worse.grade && better.score < worse.score) pairs.push({ investor, better, worse });
    }
  }
  return pairs;
}

export function compareOutOfPlace(a: OutOfPlace, b: OutOfPlace): number {
  const gap = (p: OutOfPlace) => p.better.grade - p.worse.grade;
  const wrongBy = (p: OutOfPlace) => p.worse.score - p.better.score;
  return gap(b) - gap(a) || wrongBy(b) - wrongBy(a);
}
