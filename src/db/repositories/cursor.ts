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
