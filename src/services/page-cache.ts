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

/** A cached page costs its encoded bytes plus about twice that for the objects behind them. */
const bytesOf = (page: object) => encodedPage(page).length * 3;

interface Entry<V> {
  page: V;
  owner: string;
  bytes: number;
}

/**
 * Finished pages, bounded by bytes, where each owner (a caller) may hold only its share: a
 * caller asking for many distinct pages evicts its own older pages, not everyone else's.
 */
export class PageCache<V extends object> {
  readonly #entries: LRUCache<string, Entry<V>>;
  readonly #usage = new Map<string, number>();

  constructor(readonly limits: { maxBytes: number; perOwnerBytes: number }) {
    this.#entries = new LRUCache<string, Entry<V>>({
      maxSize: limits.maxBytes,
      sizeCalculation: (entry) => entry.bytes,
      dispose: (entry) => this.#charge(entry.owner, -entry.bytes),
    });
  }

  get(key: string): V | undefined {
    return this.#entries.get(key)?.page;
  }

  set(owner: string, key: string, page: V): void {
    const bytes = bytesOf(page);
    if (bytes > this.limits.perOwnerBytes) return;
    if ((this.#usage.get(owner) ?? 0) + bytes > this.limits.perOwnerBytes) this.#evictOwn(owner, bytes);
    this.#entries.set(key, { page, owner, bytes });
    this.#charge(owner, bytes);
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Bytes held now, in all and by one owner. */
  usage(owner?: string): number {
    return owner === undefined ? this.#entries.calculatedSize : (this.#usage.get(owner) ?? 0);
  }

  /** Drops the owner's least recently used pages until `bytes` more fit in its share. */
  #evictOwn(owner: string, bytes: number): void {
    const own = [...this.#entries.rkeys()].filter((key) => this.#entries.peek(key)?.owner === owner);
    for (const key of own) {
      if ((this.#usage.get(owner) ?? 0) + bytes <= this.limits.perOwnerBytes) return;
      this.#entries.delete(key);
    }
  }

  #charge(owner: string, bytes: number): void {
    const total = (this.#usage.get(owner) ?? 0) + bytes;
    if (total > 0) this.#usage.set(owner, total);
    else this.#usage.delete(owner);
  }
}
