import type { ProvinceCode } from '../domain/codes.ts';
import { REGENCIES, REGENCY_AS_OF, REGENCY_SOURCE, regencyByCode } from '../domain/reference/regencies.ts';
import { badRequest } from './errors.ts';

export interface RegencyQuery {
  province?: readonly ProvinceCode[];
  limit: number;
  cursor?: string;
}

/** A cursor is the last code shown: the list is in code order and never changes while running. */
const encode = (code: string) => Buffer.from(code).toString('base64url');

function decode(cursor: string): string {
  const code = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!regencyByCode.has(code)) throw badRequest('invalid-cursor', 'The cursor is not valid; start again without a cursor.', 'cursor', 'querystring');
  return code;
}

/** Regencies and cities in Kemendagri code order, optionally in some provinces, a page at a time. */
export function listRegencies(query: RegencyQuery) {
  const after = query.cursor === undefined ? undefined : decode(query.cursor);
  const provinces = query.province?.length ? new Set(query.province) : undefined;
  const matching = REGENCIES.filter((r) => (!provinces || provinces.has(r.province)) && (after === undefined || r.code > after));
  const rows = matching.slice(0, query.limit);
  const last = rows.at(-1);
  return {
    data: rows.map((r) => ({ ...r, source: REGENCY_SOURCE, asOf: REGENCY_AS_OF })),
    nextCursor: matching.length > query.limit && last ? encode(last.code) : null,
  };
}
