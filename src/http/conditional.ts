import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UiLanguage } from '../domain/codes.ts';
import type { VersionCondition } from '../domain/versions.ts';
import vary from 'vary';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers with the resource's ETag (documented in OpenAPI). */
    etag?: boolean;
  }
}

/**
 * Entity tags name the resource's version and the language of its display fields: strong,
 * since each names exactly one representation (`If-Match` compares strongly, so a weak tag
 * would never match a write). English, the default, keeps the bare version (`"v3"`); other
 * languages add theirs (`"v3-id"`).
 */
export const etagOf = (version: number, language: UiLanguage = 'en') => (language === 'en' ? `"v${version}"` : `"v${version}-${language}"`);

/** Adds a field to `Vary`, keeping those already there (CORS adds `Origin`). */
export function addVary(reply: FastifyReply, field: string): void {
  reply.header('vary', vary.append(String(reply.getHeader('vary') ?? ''), field));
}

const TAG = /(W\/)?"([^"]*)"/g;

/** `If-Match`: strong comparison, so weak tags never match. Absent: no condition. */
export function ifMatchCondition(request: FastifyRequest): VersionCondition | undefined {
  const header = request.headers['if-match'];
  if (typeof header !== 'string') return undefined;
  if (header.trim() === '*') return { any: true };
  const versions = [...header.matchAll(TAG)].flatMap(([, weak, tag]) => {
    const match = !weak && /^v(\d{1,9})(?:-[a-z]{2,3})?$/.exec(tag ?? '');
    return match ? [Number(match[1])] : [];
  });
  return { versions };
}

/** `If-None-Match`: weak comparison, as for any GET. */
function stillFresh(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string') return false;
  if (header.trim() === '*') return true;
  return [...header.matchAll(TAG)].some(([, , tag]) => `"${tag}"` === etag);
}

/** Sets the ETag and answers whether the client's copy is current (then send 304, no body). */
export function tagResponse(request: FastifyRequest, reply: FastifyReply, version: number): { notModified: boolean } {
  const etag = etagOf(version, request.language);
  reply.header('etag', etag);
  return { notModified: request.method === 'GET' && stillFresh(request, etag) };
}
