import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VersionCondition } from '../domain/versions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers with the resource's ETag (documented in OpenAPI). */
    etag?: boolean;
  }
}

/**
 * Entity tags are the resource's version: strong, since a version names exactly one state.
 * Representations differ by language only in derived display fields, and say so with
 * `Vary: Accept-Language`.
 */
export const etagOf = (version: number) => `"v${version}"`;

const TAG = /(W\/)?"([^"]*)"/g;

/** `If-Match`: strong comparison, so weak tags never match. Absent: no condition. */
export function ifMatchCondition(request: FastifyRequest): VersionCondition | undefined {
  const header = request.headers['if-match'];
  if (typeof header !== 'string') return undefined;
  if (header.trim() === '*') return { any: true };
  const versions = [...header.matchAll(TAG)].flatMap(([, weak, tag]) => {
    const match = !weak && /^v(\d{1,9})$/.exec(tag ?? '');
    return match ? [Number(match[1])] : [];
  });
  return { versions };
}

/** `If-None-Match`: weak comparison, as for any GET. */
function stillFresh(request: FastifyRequest, version: number): boolean {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string') return false;
  if (header.trim() === '*') return true;
  return [...header.matchAll(TAG)].some(([, , tag]) => tag === `v${version}`);
}

/** Sets the ETag and answers whether the client's copy is current (then send 304, no body). */
export function tagResponse(request: FastifyRequest, reply: FastifyReply, version: number): { notModified: boolean } {
  reply.header('etag', etagOf(version));
  return { notModified: request.method === 'GET' && stillFresh(request, version) };
}
