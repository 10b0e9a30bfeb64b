import { halalByCategory } from './reference/halal.ts';
import { LICENCE_CERTIFICATES, kbliByCode, type LicenceCertificate, type OssRiskLevel } from './reference/kbli.ts';
import type { HalalFacts, LicensingOverride } from './investment-facts.ts';

export interface Licensing {
  riskLevel: OssRiskLevel;
  certificates: LicenceCertificate[];
  basis: 'kbli' | 'stated';
  note?: string;
}

/**
 * Licensing of a project: the certificates every one of its KBLI codes requires and their
 * common risk level (`unknown` when they differ or are unverified), unless staff stated
 * otherwise with a note.
 */
export function licensingFor(kbliCodes: readonly string[], stated?: LicensingOverride): Licensing {
  const rows = kbliCodes.flatMap((code) => kbliByCode.get(code) ?? []);
  const levels = new Set(rows.map((row) => row.ossRiskLevel));
  const defaults = {
    riskLevel: levels.size === 1 ? [...levels][0]! : ('unknown' as const),
    certificates: LICENCE_CERTIFICATES.filter((c) => rows.some((row) => row.certificates.includes(c))),
  };
  if (!stated) return { ...defaults, basis: 'kbli' };
  return {
    riskLevel: stated.riskLevel ?? defaults.riskLevel,
    certificates: stated.certificates ?? defaults.certificates,
    basis: 'stated',
    note: stated.note,
  };
}

/** The stated halal deadline, else its category's (a date, or a year alone). */
export function halalDeadlineOf(halal: HalalFacts): string | undefined {
  return halal.deadline ?? (halal.category && halalByCategory.get(halal.category)?.deadline) ?? undefined;
}
