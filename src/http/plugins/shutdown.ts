import { setTimeout as sleep } from 'node:timers/promises';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** True from the moment shutdown begins: readiness fails so load balancers stop sending. */
    readonly draining: boolean;
    /**
     * Graceful stop: readiness fails at once; requests are still served for `drainMs`; then no new
     * connection is accepted, the remaining requests are answered with `Connection: close`, and
     * in-flight ones get up to `graceMs` before their connections are closed.
     */
    shutdown(timing: { drainMs: number; graceMs: number }): Promise<void>;
  }
}

export const shutdownPlugin = fp(
  async (app) => {
    let draining = false;
    let closing = false;
    app.decorate('draining', { getter: () => draining });
    app.decorate('shutdown', async ({ drainMs, graceMs }: { drainMs: number; graceMs: number }) => {
      draining = true;
      await sleep(drainMs);
      closing = true;
      // Idle keep-alive connections are closed by close(); busy ones end after their response.
      const closed = app.close();
      const late = sleep(graceMs, undefined, { ref: false }).then(() => app.server.closeAllConnections());
      await Promise.race([closed, late]);
      await closed;
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      if (closing) reply.header('connection', 'close');
      return payload;
    });
  },
  { name: 'shutdown' },
);
