import fp from 'fastify-plugin';
import Negotiator from 'negotiator';
import { UI_LANGUAGES, type UiLanguage } from '../../domain/codes.ts';
import { addVary } from '../conditional.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's language from Accept-Language; English when none is acceptable. */
    language: UiLanguage;
  }
}

/** Content negotiation of the response language; responses vary by Accept-Language. */
export const languagePlugin = fp(
  async (app) => {
    app.decorateRequest('language', 'en');
    app.addHook('onRequest', async (request, reply) => {
      // Also without the header: the English answer must not be served to a caller who asks for another language.
      addVary(reply, 'Accept-Language');
      const header = request.headers['accept-language'];
      if (!header) return;
      const chosen = new Negotiator({ headers: { 'accept-language': header } }).language([...UI_LANGUAGES]);
      request.language = (chosen as UiLanguage | undefined) ?? 'en';
    });
  },
  { name: 'language' },
);
