import t from 'tap';
import { buildTestApp } from '../helpers/app.ts';
import { browserAvailable, launchBrowser, until } from './harness.ts';

/** /docs: the interactive documentation renders every operation with no error in the console. */
if (browserAvailable(t)) {
  t.test('/docs loads the document and shows every operation, with no console errors', async (t) => {
    const { app } = await buildTestApp(t);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const document = (await app.inject({ url: '/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const operations = Object.values(document.paths).reduce(
      (n, methods) => n + Object.keys(methods).filter((key) => key !== 'parameters').length,
      0,
    );

    const browser = await launchBrowser(t);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    await page.goto(`${base}/docs`);
    const shown = await until(
      () => page.locator('.opblock').count(),
      (count) => count === operations,
      20_000,
    );
    t.equal(shown, operations, `all ${operations} operations are listed`);
    t.equal(
      await page.locator('.opblock .authorization__btn').count(),
      (await page.locator('.opblock').count()) - countOpen(document),
      'a padlock on keyed operations only',
    );
    t.same(problems, [], 'no console errors or warnings, no failed requests');
  });
}

/** Operations open to anyone declare no security requirement. */
function countOpen(document: { paths: Record<string, Record<string, unknown>> }): number {
  return Object.values(document.paths)
    .flatMap((methods) => Object.values(methods))
    .filter(
      (operation) =>
        Array.isArray((operation as { security?: unknown[] }).security) && (operation as { security: unknown[] }).security.length === 0,
    ).length;
}
