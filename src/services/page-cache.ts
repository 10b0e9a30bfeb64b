import { LRUCache } from 'lru-cache';

/** A page's JSON, encoded once and kept with the page, so a repeated page is written as it is. */
const encodedPages = new WeakMap<object, Buffer>();
export function encodedPage(page: object): Buffer {
  let encoded = encodedPages.get(page);
  if (!encoded) {
    encoded = Buffer.from(JSON.stringify(page));
    encodedPages.set(page, encoded);
  }
  return encoded;
}

/**
 * A page read back from its bytes, with the given top-level fields. Sending it writes the bytes
 * as they are; the JSON is parsed only if someone reads a field (an export walking the pages),
 * and then once.
 */
export function decodedPage<T extends object>(bytes: Buffer, fields: readonly (keyof T & string)[]): T {
  let parsed: T | undefined;
  const page = {} as T;
  for (const field of fields) {
    Object.defineProperty(page, field, { enumerable: true, get: () => (parsed ??= JSON.parse(bytes.toString('utf8')) as T)[field] });
  }
  encodedPages.set(page, bytes);
  return page;
}

interface Entry<Scope> {
  bytes: Buffer;
  owner: string;
  /** What the page was computed from, so a change drops only the pages it alters (a few small objects beside the bytes). */
  scope: Scope;
}

/**
 * Finished pages as their encoded bytes, bounded by bytes, where each owner (a caller) may hold
 * only its share: a caller asking for many distinct pages evicts its own older pages, not
 * everyone else's. Bytes rather than page objects: a Buffer lives outside the JS heap, so pages
 * held for a while cost the garbage collector nothing to keep or to drop.
 */
export class PageCache<Scope> {
  readonly #entries: LRUCache<string, Entry<Scope>>;
  /** Each owner's keys, least recently used first, and the bytes they hold. */
  readonly #owned = new Map<string, { keys: Set<string>; bytes: number }>();

  constructor(readonly limits: { maxBytes: number; perOwnerBytes: number }) {
    this.#entries = new LRUCache<string, Entry<Scope>>({
      maxSize: limits.maxBytes,
      sizeCalculation: (entry) => entry.bytes.length,
      dispose: (entry, key) => this.#release(entry, key),
    });
  }

  get(key: string): Buffer | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    const keys = this.#owned.get(entry.owner)!.keys;
    keys.delete(key);
    keys.add(key);
    return entry.bytes;
  }

  set(owner: string, key: string, bytes: Buffer, scope: Scope): void {
    if (bytes.length > this.limits.perOwnerBytes) return;
    this.#entries.delete(key);
    const owned = this.#owned.get(owner) ?? { keys: new Set<string>(), bytes: 0 };
    // The owner's least recently used pages go until this one fits in its share.
    for (const old of owned.keys) {
      if (owned.bytes + bytes.length <= this.limits.perOwnerBytes) break;
      this.#entries.delete(old);
    }
    owned.keys.add(key);
    owned.bytes += bytes.length;
    // (Set again: evicting the owner's last page above forgets the owner.)
    this.#owned.set(owner, owned);
    this.#entries.set(key, { bytes, owner, scope });
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Drops the pages whose scope `changed` says a change alters. */
  deleteWhere(changed: (scope: Scope) => boolean): void {
    const gone: string[] = [];
    for (const [key, entry] of this.#entries.entries()) if (changed(entry.scope)) gone.push(key);
    for (const key of gone) this.#entries.delete(key);
  }

  /** Bytes held now, in all and by one owner. */
  usage(owner?: string): number {
    return owner === undefined ? this.#entries.calculatedSize : (this.#owned.get(owner)?.bytes ?? 0);
  }

  #release(entry: Entry<Scope>, key: string): void {
    const owned = this.#owned.get(entry.owner)!;
    owned.keys.delete(key);
    owned.bytes -= entry.bytes.length;
    if (owned.keys.size === 0) this.#owned.delete(entry.owner);
  }
}
