import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import Negotiator from 'negotiator';
import { UI_LANGUAGES, type UiLanguage } from '../../domain/codes.ts';
import { badRequest } from '../../services/errors.ts';
import { addVary } from '../conditional.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's language: `?lang=`, else Accept-Language; English when none is acceptable. */
    language: UiLanguage;
  }
}

/**
 * The tag each language is served under in `Content-Language`. Chinese is Simplified Chinese
 * only, so its tag names the script.
 */
export const CONTENT_LANGUAGE_TAGS: Readonly<Record<UiLanguage, string>> = {
  en: 'en',
  id: 'id',
  ko: 'ko',
  ja: 'ja',
  zh: 'zh-Hans',
};

/**
 * Accept-Language negotiation (RFC 9110 §12.5.4): q-values order the ranges, `q=0` refuses a
 * language, and a range matches a language when its primary subtag does, so `ko-KR` gets `ko`
 * and `zh-CN`, `zh-Hans` and `zh-SG` get `zh`. `zh-TW`, `zh-HK` and `zh-Hant` get `zh` too
 * (Simplified Chinese, labelled `zh-Hans`): for a Traditional-Chinese reader it is closer than
 * the English fallback, and a caller that prefers English says so with a second range.
 */
export function negotiateLanguage(header: string | undefined): UiLanguage | undefined {
  if (!header) return undefined;
  return new Negotiator({ headers: { 'accept-language': header } }).language([...UI_LANGUAGES]) as UiLanguage | undefined;
}

/** Marks a response as being in the request's language and varying with Accept-Language. */
export function markLocalized(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('content-language', CONTENT_LANGUAGE_TAGS[request.language]);
  addVary(reply, 'Accept-Language');
}

const LANG_PARAMETER = 'lang';
/** One BCP 47 tag, no list and no wildcard. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/;

/**
 * Picks the response language for every request. `?lang=` (any tag negotiation accepts, e.g.
 * `ko` or `zh-CN`) overrides Accept-Language, for links and embeds that cannot set headers; it
 * is taken out of the query so each route's own query schema never sees it. API routes are
 * marked localized up front, so 304s and problems carry the same headers as a 200.
 */
export const languagePlugin = fp(
  async (app) => {
    app.decorateRequest('language', 'en');
    app.addHook('onRequest', async (request, reply) => {
      const query = request.query as Record<string, unknown> | undefined;
      const override = query?.[LANG_PARAMETER];
      if (override !== undefined) delete query![LANG_PARAMETER];
      request.language = negotiateLanguage(request.headers['accept-language']) ?? 'en';
      if (override !== undefined) {
        const chosen = typeof override === 'string' && LANGUAGE_TAG.test(override) ? negotiateLanguage(override) : undefined;
        if (!chosen) {
          throw badRequest('unsupported-language', `lang must be one of ${UI_LANGUAGES.join(', ')}, or a tag such as ko-KR or zh-CN.`, LANG_PARAMETER, 'querystring');
        }
        request.language = chosen;
      }
      if (request.routeOptions.config.access) markLocalized(request, reply);
    });
  },
  { name: 'language' },
);
