import type { components, operations } from '../../openapi/types.ts';
import type { Lang, Strings } from './i18n.ts';

export type Schemas = components['schemas'];
export type Opportunity = Schemas['Opportunity'];
export type OpportunityPage = Schemas['OpportunityPage'];
export type OpportunityMatchPage = Schemas['OpportunityMatchPage'];
export type OpportunityMatch = Schemas['OpportunityMatch'];
export type PreviewRequest = Schemas['PreviewRequestInput'];
export type SearchQuery = NonNullable<operations['searchOpportunities']['parameters']['query']>;

export interface ApiConfig {
  base: string;
  key: string | null;
  lang: Lang;
}

/** A failed call: `network` when no answer came back, else the problem the API answered with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'ApiError';
  }
}

export const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

type Query = Record<string, string | number | readonly string[] | undefined>;

async function call<T>(config: ApiConfig, path: string, init: { query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const url = new URL(path, `${config.base}/`);
  for (const [name, value] of Object.entries(init.query ?? {})) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (text !== '') url.searchParams.set(name, text);
  }
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': config.lang };
  // Browsers send no Origin header with a same-origin GET, so an embed key could not be matched
  // to its allowed origins there; such reads (reference data, published opportunities) are public.
  const sameOriginRead = init.body === undefined && url.origin === window.location.origin;
  if (config.key && !sameOriginRead) headers.authorization = `Bearer ${config.key}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers,
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      // Keys travel in the Authorization header; the host page's cookies have no business here.
      credentials: 'omit',
      mode: 'cors',
      ...(init.signal && { signal: init.signal }),
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'network', error instanceof Error ? error.message : undefined);
  }
  if (response.ok) return (await response.json()) as T;

  const problem = (await response.json().catch(() => null)) as { code?: unknown; detail?: unknown } | null;
  const error = new ApiError(
    response.status,
    typeof problem?.code === 'string' ? problem.code : `http-${response.status}`,
    typeof problem?.detail === 'string' ? problem.detail : undefined,
  );
  if (error.code === 'origin-not-allowed' && config.key) {
    reportRefusedKey(config.key);
    // Published opportunities and reference data are public: read them without the key.
    if (init.body === undefined) return call({ ...config, key: null }, path, init);
  }
  throw error;
}

/** Keys the API refused for this page's origin; each is reported once. */
const refusedKeys = new Set<string>();

/** Tells the page's author, in the console, which origin to add to the key. */
function reportRefusedKey(key: string): void {
  if (refusedKeys.has(key)) return;
  refusedKeys.add(key);
  const origin = window.location.origin;
  console.warn(
    `[peluang] The API key ${key.slice(0, 14)}… does not allow this page's origin, ${origin}. ` +
      `Add ${origin} to the key's allowed origins. Until then the opportunity list shows the public list ` +
      'without the key, and the match finder cannot search.',
  );
}

/** Whether the API has refused this key on this page's origin. */
export const keyRefusedHere = (config: ApiConfig) => config.key !== null && refusedKeys.has(config.key);

export const api = {
  searchOpportunities: (config: ApiConfig, query: SearchQuery, signal?: AbortSignal) =>
    call<OpportunityPage>(config, 'v1/opportunities', { query: query as Query, ...(signal && { signal }) }),
  getOpportunity: (config: ApiConfig, id: string, signal?: AbortSignal) =>
    call<Opportunity>(config, `v1/opportunities/${encodeURIComponent(id)}`, { ...(signal && { signal }) }),
  previewMatches: (config: ApiConfig, body: PreviewRequest, signal?: AbortSignal) =>
    call<OpportunityMatchPage>(config, 'v1/matches/preview', { body, ...(signal && { signal }) }),
  reference: <T>(config: ApiConfig, path: string, signal?: AbortSignal) => call<T>(config, path, { ...(signal && { signal }) }),
};

/** What to tell the visitor, in their language, for a failed call. */
export function errorMessage(error: unknown, strings: Strings): { message: string; retry: boolean } {
  const e = strings.errors;
  if (!(error instanceof ApiError)) return { message: e.unknown, retry: true };
  if (error.code === 'network') return { message: e.network, retry: true };
  if (error.code === 'origin-not-allowed') return { message: e.originNotAllowed, retry: false };
  if (error.code === 'invalid-api-key') return { message: e.invalidKey, retry: false };
  if (error.status === 401) return { message: e.keyRequired, retry: false };
  if (error.status === 403) return { message: e.forbidden, retry: false };
  if (error.status === 429) return { message: e.rateLimited, retry: true };
  if (error.status >= 500) return { message: e.unavailable, retry: true };
  // A 4xx here means the embedding page's attributes are wrong; the API's detail helps its author.
  return { message: error.detail ? `${e.rejected} (${error.detail})` : e.rejected, retry: false };
}
