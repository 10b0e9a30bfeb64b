import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; CI installs it (`.ci/run`), a developer may not have it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface TapLike {
  plan(n: number, comment?: string): void;
  fail(message: string): void;
  teardown(fn: () => unknown): void;
}

/**
 * True when the browser tests can run. Without Chromium they are skipped locally, with a note
 * saying how to get it, and fail in CI, where a silent skip would hide the whole browser suite.
 */
export function browserAvailable(t: TapLike): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) t.fail(`Chromium is missing at ${CHROMIUM}; CI must install it (see .ci/run)`);
  else t.plan(0, `no Chromium at ${CHROMIUM}: run \`apt-get install chromium\` (or set CHROMIUM_PATH) to run the browser tests`);
  return false;
}

export async function launchBrowser(t: TapLike): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  t.teardown(() => browser.close());
  return browser;
}

/**
 * A stand-in for a chamber of commerce's web site, on its own origin: each page is the
 * one-script-tag embedding of the bundle from the Peluang service.
 */
export async function startHostSite(t: TapLike, apiOrigin: string): Promise<{ origin: string; page: (body: string) => string }> {
  const pages = new Map<string, string>();
  const server = http.createServer((request, response) => {
    const html = pages.get(request.url ?? '');
    response.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page: (body) => {
      const path = `/page-${pages.size + 1}.html`;
      pages.set(
        path,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
          `<title>Chamber of commerce</title></head><body><h1>Indonesia desk</h1>` +
          `<script src="${apiOrigin}/embed/v1/peluang.js"></script>${body}</body></html>`,
      );
      return `${origin}${path}`;
    },
  };
}

/** Collects script errors of a page, which no test expects. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Polls `read` until `done` holds or time runs out, then returns the last value (for a readable diff). */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

export const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * WCAG 2.1 A and AA violations axe-core finds on the page as it is now, shadow roots included
 * (names, labels, contrast, ARIA use). Evaluated through the debugger, so a strict
 * Content-Security-Policy on the page does not stop it.
 */
export async function accessibilityViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => JSON.stringify(node.target)),
    }));
  });
}
