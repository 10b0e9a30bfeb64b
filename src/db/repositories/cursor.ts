import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Opaque keyset cursor: the sort it belongs to, the last row's sort value and id. */
export interface KeysetCursor {
  sort: string;
  value: string | number;
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

/** Returns undefined for anything that is not a cursor this service made. */
export function decodeCursor(raw: string): KeysetCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
    const [sort, value, id] = parsed as unknown[];
    if (typeof sort !== 'string' || typeof id !== 'string') return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    return { sort, value, id };
  } catch {
    return undefined;
  }
}

export class InvalidCursorError extends Error {}

/** The condition for rows after `raw` in newest-first (created_at, id) order; `table` qualifies the columns in a join. */
export function afterNewestFirst(raw: string, table?: string): RawBuilder<SqlBool> {
  const cursor = decodeCursor(raw);
  const createdAt = cursor && new Date(String(cursor.value));
  if (!cursor || cursor.sort !== NEWEST_FIRST || !createdAt || Number.isNaN(createdAt.getTime())) throw new InvalidCursorError();
  if (table) return sql<SqlBool>`(${sql.ref(`${table}.created_at`)}, ${sql.ref(`${table}.id`)}) < (${createdAt}, ${cursor.id})`;
  return sql<SqlBool>`(created_at, id) < (${createdAt}, ${cursor.id})`;
}

export const NEWEST_FIRST = '-createdAt';

/**
 * A page from rows fetched with `limit + 1`: the extra row only says another page exists,
 * and the cursor points after the last row shown.
 */
export function toPage<R>(rows: R[], limit: number, cursorAfter: (last: R) => KeysetCursor): { rows: R[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { rows: pageRows, nextCursor: hasMore && last !== undefined ? encodeCursor(cursorAfter(last)) : null };
}

/** The cursor of a row in newest-first order. */
export const newestFirstCursor = (row: { created_at: Date; id: string }): KeysetCursor => ({
  sort: NEWEST_FIRST,
  value: row.created_at.toISOString(),
  id: row.id,
});
