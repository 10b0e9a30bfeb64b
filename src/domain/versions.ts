/**
 * Optimistic concurrency: a writer names the version(s) it last saw (from `If-Match`), and
 * the write happens only if the stored version is still one of them.
 */
export type VersionCondition = { any: true } | { versions: readonly number[] };

export function versionSatisfies(version: number, condition: VersionCondition | undefined): boolean {
  if (!condition || 'any' in condition) return true;
  return condition.versions.includes(version);
}
