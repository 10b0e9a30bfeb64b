import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Answer = { status: number; headers?: Record<string, string> };

/**
 * A webhook receiver on 127.0.0.1: it records every request and answers with the next of the
 * queued answers (then 200 once they run out).
 */
export async function startReceiver(t: { teardown(fn: () => unknown): void }) {
  const received: Received[] = [];
  const answers: Answer[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '/', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers.shift() ?? { status: 200 };
      response.writeHead(answer.status, answer.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    received,
    answer: (...next: Answer[]) => void answers.push(...next),
    /** Requests to one path, parsed. */
    bodies: (path = '/hook') => received.filter((r) => r.path === path).map((r) => JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, unknown> }),
  };
}
