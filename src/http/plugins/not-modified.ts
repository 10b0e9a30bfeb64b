import fp from 'fastify-plugin';

/** Representation metadata a 304 must not carry (RFC 9110 §15.4.5): it describes a body the 304 does not have. */
const BODY_HEADERS = ['content-type', 'content-length', 'content-language', 'content-encoding'] as const;

/** Every 304 leaves without content and with only the validators and caching headers (ETag, Vary, Cache-Control). */
export const notModifiedPlugin = fp(
  async (app) => {
    app.addHook('onSend', async (_request, reply, payload) => {
      if (reply.statusCode !== 304) return payload;
      for (const header of BODY_HEADERS) reply.removeHeader(header);
      return null;
    });
  },
  { name: 'not-modified' },
);
