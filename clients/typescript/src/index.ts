import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema.ts';

export type { components, operations, paths };

/** Schemas of the Peluang API by name, e.g. `Schema<'Opportunity'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** A problem document (RFC 9457), what every error response carries. */
export type Problem = Schema<'Problem'>;

/**
 * What the client parses: JSON and problem documents. Exports (CSV, XLSX) are files; read them
 * with `parseAs: 'text'` or `'blob'`.
 */
type JsonMedia = 'application/json' | 'application/problem+json';

export type PeluangClient = Client<paths, JsonMedia>;

export interface PeluangClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Where the service is, e.g. `https://peluang.example.id` (no trailing `/v1`). */
  baseUrl: string;
  /** An API key, `pk_<role>_…`; without one only public data can be read. */
  apiKey?: string;
  /** Language for names and match explanations: `en`, `id`, `ko` or `ja`. */
  language?: string;
}

/**
 * A typed client for the Peluang API: paths, parameters, bodies and responses are checked
 * against the service's OpenAPI document at compile time.
 *
 * ```ts
 * const peluang = createPeluangClient({ baseUrl: 'https://peluang.example.id', apiKey: process.env.PELUANG_KEY });
 * const { data, error } = await peluang.GET('/v1/opportunities', { params: { query: { sector: ['vaccines'] } } });
 * ```
 */
export function createPeluangClient({ baseUrl, apiKey, language, headers, ...options }: PeluangClientOptions): PeluangClient {
  return createClient<paths, JsonMedia>({
    ...options,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: {
      ...(apiKey && { authorization: `Bearer ${apiKey}` }),
      ...(language && { 'accept-language': language }),
      ...(headers as Record<string, string> | undefined),
    },
  });
}
