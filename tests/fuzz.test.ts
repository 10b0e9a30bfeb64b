import { readFileSync } from 'node:fs';
import t from 'tap';
import { fuzz, type OpenApiDocument } from '../scripts/fuzz/engine.ts';
import { buildTestApp } from './helpers/app.ts';

// A short seeded slice of `npm run fuzz`, over every operation in the committed OpenAPI document.
t.test('fuzzing every operation: no 5xx, every 4xx a problem document, no hang at 16 connections', async (t) => {
  const { app, adminKey } = await buildTestApp(t);
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const document = JSON.parse(readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8')) as OpenApiDocument;
  const report = await fuzz({ baseUrl, document, seed: 11, durationMs: 15_000, connections: 16, apiKey: adminKey });
  t.ok(report.requests > report.operations, `${report.requests} requests over ${report.operations} operations`);
  t.ok(report.byStatus['400'], 'invalid input was sent and refused');
  t.same(report.failures, [], 'no rule broken');
});
