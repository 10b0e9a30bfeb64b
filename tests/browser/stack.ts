import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { components } from '../../openapi/types.ts';
import { FACTOR_NAMES, STRINGS, type Lang } from '../../embed/src/i18n.ts';
import { seedDemoDataIfEmpty } from '../../src/services/demo-data.ts';
import { buildTestApp, createKey } from '../helpers/app.ts';
import { launchBrowser, startHostSite, watchErrors } from './harness.ts';

interface TapLike {
  plan(n: number, comment?: string): void;
  fail(message: string): void;
  teardown(fn: () => unknown): void;
}

/** A sample visitor of the finder: a Korean maker of blood bags and disposables. */
export const SECTOR = 'medical-devices' as const;
export const PROFILE = {
  country: 'KR',
  sectors: [SECTOR],
  technologies: ['blood-bag-manufacturing' as const, 'polymer-disposables' as const],
  maxTransferDepth: 'full-transfer' as const,
  preferredProvinces: ['ID-JI' as const, 'ID-JB' as const],
  ticketUsd: { min: 5_000_000, max: 50_000_000 },
};

export const list = (page: Page) => page.locator('peluang-opportunities');
export const finder = (page: Page) => page.locator('peluang-match-finder');

export const shownIds = (page: Page) =>
  list(page)
    .locator('li[part="item"]')
    .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.id!));
export const shownTitles = (page: Page) => list(page).locator('.title-button').allTextContents();

export const shownMatches = (page: Page) =>
  finder(page)
    .locator('li[part="match"]')
    .evaluateAll((items) =>
      items.map((item) => ({
        id: (item as HTMLElement).dataset.opportunityId!,
        score: Number((item as HTMLElement).dataset.score),
        band: item.querySelector('[part="band"]')!.textContent,
        title: item.querySelector('.title-button')!.textContent,
        reasons: [...item.querySelectorAll('[part="reason"]')].map((reason) => [(reason as HTMLElement).dataset.factor, reason.lastElementChild!.textContent]),
        badges: [...item.querySelectorAll('[part="badge"]')].map((badge) => badge.textContent),
      })),
    );

/** Answers the finder's form with PROFILE, as a visitor would, and sends it. */
export async function fillFinder(page: Page): Promise<void> {
  const form = finder(page).locator('form');
  await form.locator('select[name="sector"]').selectOption(SECTOR);
  await form.locator('select[name="country"]').selectOption(PROFILE.country);
  for (const technology of PROFILE.technologies) await form.locator(`input[name="technology"][value="${technology}"]`).check();
  await form.locator('select[name="transfer"]').selectOption(PROFILE.maxTransferDepth);
  for (const province of PROFILE.preferredProvinces) {
    // Provinces sit in one folding group per island group; open it as a visitor would.
    const group = form.locator('details.group', { has: page.locator(`input[value="${province}"]`) });
    if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
    await group.locator(`input[name="province"][value="${province}"]`).check();
  }
  await form.locator('input[name="min"]').fill('5');
  await form.locator('input[name="max"]').fill('50');
  await form.locator('button[type="submit"]').click();
}

/**
 * The service on a real port with the demo data, a chamber's site on another origin with an
 * embed key for it, and one browser; plus the API's own answers to compare the pages with.
 */
export async function embedStack(t: TapLike) {
  const { app, api, database } = await buildTestApp(t);
  await seedDemoDataIfEmpty(database);
  await app.services.matching.reload();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const apiOrigin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const host = await startHostSite(t, apiOrigin);
  const browser = await launchBrowser(t);

  /** A publishable key for pages on `origin`, as a chamber of commerce would be given. */
  const keyFor = async (origin: string) => (await createKey(app, { role: 'embed', allowedOrigins: [origin] })).key;
  const hostKey = await keyFor(host.origin);

  return {
    apiOrigin,
    browser,
    keyFor,
    /** ` api-key="…"` with a key allowed for the host site. */
    withKey: ` api-key="${hostKey}"`,

    /** A page of the host site with `body` after the one script tag. */
    async open(body: string, width = 1024): Promise<{ page: Page; errors: string[] }> {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const errors = watchErrors(page);
      t.teardown(() => page.close());
      await page.goto(host.page(body));
      return { page, errors };
    },

    async search(query: Record<string, unknown>, lang: Lang = 'en') {
      const { data, error } = await api.GET('/v1/opportunities', { params: { query: { limit: 100, ...query } }, headers: { 'accept-language': lang } });
      if (error) throw new Error(JSON.stringify(error));
      return data.data;
    },

    async preview(lang: Lang, limit = 5) {
      const { data, error } = await api.POST('/v1/matches/preview', { body: { profile: PROFILE, limit }, headers: { 'accept-language': lang } });
      if (error) throw new Error(JSON.stringify(error));
      return data.data;
    },

    /**
     * What shownMatches should read for the API's matches: the band in words, then the
     * supporting reasons and those of factors compared that did not help, each in the
     * components' factor order; factors left open are not shown.
     */
    expectedMatches(matches: components['schemas']['OpportunityMatch'][], lang: Lang) {
      const order = (factor: string) => FACTOR_NAMES.indexOf(factor as (typeof FACTOR_NAMES)[number]);
      return matches.map((m) => {
        const factors = [...m.factors].sort((a, b) => order(a.factor) - order(b.factor));
        return {
          id: m.opportunity.id,
          score: m.score,
          band: STRINGS[lang].finder.bands[m.band],
          title: m.opportunity.title,
          reasons: [...factors.filter((f) => f.supports), ...factors.filter((f) => !f.neutral && !f.supports && f.weight > 0)].map((f) => [f.factor, f.text]),
          badges: m.badges.map((b) => b.text),
        };
      });
    },
  };
}
