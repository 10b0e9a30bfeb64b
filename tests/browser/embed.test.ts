import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import type { Page } from 'playwright-core';
import { STRINGS, type Lang } from '../../embed/src/i18n.ts';
import { seedDemoDataIfEmpty } from '../../src/services/demo-data.ts';
import { buildTestApp, createKey } from '../helpers/app.ts';
import { browserAvailable, launchBrowser, sameList, startHostSite, until, watchErrors } from './harness.ts';

const SCREENSHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));
const LANGS: Lang[] = ['en', 'id', 'ko', 'ja'];

if (browserAvailable(t)) {
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
  const keyAttribute = (key: string) => ` api-key="${key}"`;

  const open = async (body: string, width = 1024): Promise<{ page: Page; errors: string[] }> => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors = watchErrors(page);
    t.teardown(() => page.close());
    await page.goto(host.page(body));
    return { page, errors };
  };

  const list = (page: Page) => page.locator('peluang-opportunities');
  const shownIds = (page: Page) => list(page).locator('li[part="item"]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.id!));
  const shownTitles = (page: Page) => list(page).locator('.title-button').allTextContents();
  const search = async (query: Record<string, unknown>, lang: Lang = 'en') => {
    const { data, error } = await api.GET('/v1/opportunities', { params: { query: { limit: 100, ...query } }, headers: { 'accept-language': lang } });
    if (error) throw new Error(JSON.stringify(error));
    return data.data;
  };

  t.test('the list shows the published opportunities, as the API lists them, and nothing else', async (t) => {
    const { page, errors } = await open(`<peluang-opportunities${keyAttribute(hostKey)} page-size="100"></peluang-opportunities>`);
    const published = await search({});
    const everything = await search({ status: ['draft', 'published', 'withdrawn', 'closed'] });
    const unpublished = everything.filter((o) => o.status !== 'published').map((o) => o.id);
    t.ok(unpublished.length >= 3, 'the demo data has drafts, withdrawn and closed opportunities');

    const ids = await until(() => shownIds(page), (ids) => ids.length === published.length);
    t.same(ids, published.map((o) => o.id), 'same opportunities, same order as GET /v1/opportunities');
    t.same(await shownTitles(page), published.map((o) => o.display.title));
    t.notOk(ids.some((id) => unpublished.includes(id)), 'no draft, withdrawn or closed opportunity is shown');
    t.equal(await list(page).getByRole('status').textContent(), STRINGS.en.list.shown(published.length));
    t.same(errors, []);
  });

  t.test('a page at a time, with a "more" button that continues where the list stopped', async (t) => {
    const { page } = await open(`<peluang-opportunities${keyAttribute(hostKey)} page-size="4"></peluang-opportunities>`);
    const published = await search({});
    t.same(await until(() => shownIds(page), (ids) => ids.length === 4), published.slice(0, 4).map((o) => o.id));
    await list(page).getByRole('button', { name: STRINGS.en.list.more }).click();
    t.same(await until(() => shownIds(page), (ids) => ids.length === 8), published.slice(0, 8).map((o) => o.id), 'no repeat, no gap');
    const focused = await list(page).evaluate((element) => element.shadowRoot!.activeElement?.textContent);
    t.equal(focused, published[4]!.display.title, 'focus moves to the first newly loaded opportunity');
  });

  t.test('filters set as attributes change the results, and changing them fetches again', async (t) => {
    const { page, errors } = await open(`<peluang-opportunities${keyAttribute(hostKey)} page-size="100" sector="vaccines,plasma-derived-products"></peluang-opportunities>`);
    const all = await search({});
    const cases: [Record<string, string | null>, Record<string, unknown>][] = [
      [{ sector: 'vaccines,plasma-derived-products' }, { sector: ['vaccines', 'plasma-derived-products'] }],
      [{ sector: null, 'island-group': 'sumatra' }, { islandGroup: ['sumatra'] }],
      [{ 'island-group': null, province: 'ID-JB,ID-JI' }, { province: ['ID-JB', 'ID-JI'] }],
      [{ province: null, technology: 'chemical-api-synthesis' }, { technology: ['chemical-api-synthesis'] }],
      [{ technology: null }, {}],
    ];
    for (const [attributes, query] of cases) {
      await list(page).evaluate((element, attributes) => {
        for (const [name, value] of Object.entries(attributes)) {
          if (value === null) element.removeAttribute(name);
          else element.setAttribute(name, value);
        }
      }, attributes);
      const expected = (await search(query)).map((o) => o.id);
      t.ok(expected.length > 0, `the demo data has opportunities for ${JSON.stringify(query)}`);
      if (Object.keys(query).length) t.ok(expected.length < all.length, 'the filter narrows the list');
      t.same(await until(() => shownIds(page), (ids) => sameList(ids, expected)), expected, `attributes ${JSON.stringify(attributes)}`);
    }
    t.same(errors, []);
  });

  t.test('each opportunity opens an accessible detail view', async (t) => {
    const { page } = await open(`<peluang-opportunities${keyAttribute(hostKey)} page-size="3"></peluang-opportunities>`);
    const [first] = await search({ limit: 1 });
    const button = list(page).getByRole('button', { name: first!.display.title });
    await button.click();
    const dialog = list(page).getByRole('dialog', { name: first!.display.title });
    await dialog.waitFor();
    const text = await dialog.textContent();
    t.match(text, first!.display.summary, 'summary');
    t.match(text, first!.sponsor.name, 'sponsor');
    t.match(text, first!.contact.email, 'contact');
    t.match(text, new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', currencyDisplay: 'code', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(first!.investmentUsd.min), 'investment range in USD');
    t.equal(await dialog.getByRole('link', { name: first!.contact.email }).getAttribute('href'), `mailto:${first!.contact.email}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    t.equal(await list(page).evaluate((element) => element.shadowRoot!.activeElement?.textContent), first!.display.title, 'focus returns to the opportunity');
  });

  const finder = (page: Page) => page.locator('peluang-match-finder');
  const sector = 'medical-devices' as const;
  const profile = {
    country: 'KR',
    sectors: [sector],
    technologies: ['blood-bag-manufacturing' as const, 'polymer-disposables' as const],
    maxTransferDepth: 'full-transfer' as const,
    preferredProvinces: ['ID-JI' as const, 'ID-JB' as const],
    ticketUsd: { min: 5_000_000, max: 50_000_000 },
  };
  const fillFinder = async (page: Page) => {
    const form = finder(page).locator('form');
    await form.locator('select[name="sector"]').selectOption(sector);
    await form.locator('select[name="country"]').selectOption(profile.country);
    for (const technology of profile.technologies) await form.locator(`input[name="technology"][value="${technology}"]`).check();
    await form.locator('select[name="transfer"]').selectOption(profile.maxTransferDepth);
    await form.locator('select[name="provinces"]').selectOption(profile.preferredProvinces);
    await form.locator('input[name="min"]').fill('5');
    await form.locator('input[name="max"]').fill('50');
    await form.locator('button[type="submit"]').click();
  };
  const preview = async (lang: Lang, limit = 5) => {
    const { data, error } = await api.POST('/v1/matches/preview', { body: { profile, limit }, headers: { 'accept-language': lang } });
    if (error) throw new Error(JSON.stringify(error));
    return data.data;
  };
  const shownMatches = (page: Page) =>
    finder(page)
      .locator('li[part="match"]')
      .evaluateAll((items) =>
        items.map((item) => ({
          id: (item as HTMLElement).dataset.opportunityId!,
          score: Number((item as HTMLElement).dataset.score),
          title: item.querySelector('.title-button')!.textContent,
          reasons: [...item.querySelectorAll('[part="reason"]')].map((reason) => [(reason as HTMLElement).dataset.factor, reason.lastElementChild!.textContent]),
          badges: [...item.querySelectorAll('[part="badge"]')].map((badge) => badge.textContent),
        })),
      );
  const expectedMatches = (matches: Awaited<ReturnType<typeof preview>>) =>
    matches.map((m) => ({
      id: m.opportunity.id,
      score: m.score,
      title: m.opportunity.title,
      reasons: [...m.factors].sort((a, b) => ['sector', 'technology', 'location', 'size', 'modality'].indexOf(a.factor) - ['sector', 'technology', 'location', 'size', 'modality'].indexOf(b.factor)).map((f) => [f.factor, f.text]),
      badges: m.badges.map((b) => b.text),
    }));

  t.test('the match finder returns ranked matches with their reasons and badges', async (t) => {
    const { page, errors } = await open(`<peluang-match-finder${keyAttribute(hostKey)} page-size="5"></peluang-match-finder>`);
    await fillFinder(page);
    const expected = expectedMatches(await preview('en'));
    const shown = await until(() => shownMatches(page), (matches) => matches.length === expected.length);
    t.same(shown, expected, 'what POST /v1/matches/preview answers, in its order');
    t.same(shown.map((m) => m.score), [...shown.map((m) => m.score)].sort((a, b) => b - a), 'best first');
    t.ok(shown.every((m) => m.reasons.length === 5 && m.reasons.every(([, text]) => text)), 'a reason for every factor');
    t.ok(shown.some((m) => m.badges.length > 0), 'context badges (a Korean company: the health MoU)');
    t.equal(await finder(page).getByRole('status').textContent(), STRINGS.en.finder.found(expected.length));
    t.same(errors, []);
  });

  t.test('the finder checks the ticket size before asking, in the visitor language', async (t) => {
    const { page } = await open(`<peluang-match-finder${keyAttribute(hostKey)} lang="id"></peluang-match-finder>`);
    const form = finder(page).locator('form');
    await form.locator('input[name="min"]').fill('50');
    await form.locator('input[name="max"]').fill('5');
    await form.locator('button[type="submit"]').click();
    t.equal(await form.locator('.field-error').textContent(), STRINGS.id.finder.ticketOrder);
    t.equal(await form.locator('input[name="min"]').getAttribute('aria-invalid'), 'true');
    t.equal(await finder(page).locator('li[part="match"]').count(), 0, 'nothing sent');
  });

  t.test('switching the language switches UI strings, content and reasons', async (t) => {
    const { page, errors } = await open(
      `<peluang-opportunities${keyAttribute(hostKey)} page-size="100"></peluang-opportunities>` +
        `<peluang-match-finder${keyAttribute(hostKey)} page-size="5"></peluang-match-finder>`,
    );
    await until(() => shownIds(page), (ids) => ids.length > 0);
    await fillFinder(page);
    await until(() => shownMatches(page), (matches) => matches.length > 0);
    for (const lang of [...LANGS.slice(1), 'en' as const]) {
      await page.evaluate((lang) => {
        for (const element of document.querySelectorAll('peluang-opportunities, peluang-match-finder')) element.setAttribute('lang', lang);
      }, lang);
      const published = await search({}, lang);
      const titles = await until(() => shownTitles(page), (titles) => sameList(titles, published.map((o) => o.display.title)));
      t.same(titles, published.map((o) => o.display.title), `${lang}: titles in ${lang}, English where missing`);
      const notes = await list(page).locator('[part="note"]').count();
      t.equal(notes, published.filter((o) => o.display.fallback).length, `${lang}: each English fallback says so`);
      if (lang !== 'en') t.ok(notes < published.length, `${lang}: some content is translated`);
      t.equal(await list(page).getByRole('status').textContent(), STRINGS[lang].list.shown(published.length), `${lang}: list UI strings`);

      const expected = expectedMatches(await preview(lang));
      t.same(await until(() => shownMatches(page), (shown) => sameList(shown.map((m) => m.reasons[0]![1]), expected.map((m) => m.reasons[0]![1]))), expected, `${lang}: reasons in ${lang}`);
      t.equal(await finder(page).locator('[part="form-title"]').textContent(), STRINGS[lang].finder.title, `${lang}: form strings`);
      t.equal(await finder(page).locator('select[name="sector"]').inputValue(), sector, `${lang}: the visitor's answers are kept`);
      t.equal(await finder(page).locator('input[name="max"]').inputValue(), '50');
    }
    t.same(errors, []);
  });

  t.test('a network failure is reported in the visitor language, with a way to retry', async (t) => {
    const { page } = await open(`<peluang-opportunities api-base="http://127.0.0.1:9" lang="ja"></peluang-opportunities>`);
    const alert = list(page).getByRole('alert');
    t.equal(await until(() => alert.locator('p').textContent(), (text) => Boolean(text)), STRINGS.ja.errors.network);
    t.equal(await alert.getByRole('button').textContent(), STRINGS.ja.retry);
  });

  t.test('a key not allowed for the page origin is refused with a clear message', async (t) => {
    const elsewhere = await keyFor('https://chamber.example.org');
    const { page } = await open(
      `<peluang-opportunities api-key="${elsewhere}"></peluang-opportunities>` + `<peluang-match-finder api-key="${elsewhere}" lang="ko"></peluang-match-finder>`,
    );
    t.equal(await until(() => list(page).getByRole('alert').locator('p').textContent(), Boolean), STRINGS.en.errors.originNotAllowed);
    t.equal(await until(() => finder(page).getByRole('alert').locator('p').textContent(), Boolean), STRINGS.ko.errors.originNotAllowed);
    t.equal(await list(page).locator('li[part="item"]').count(), 0, 'nothing listed');

    const { page: unknown } = await open(`<peluang-opportunities api-key="pk_unknown_0000000000000000"></peluang-opportunities>`);
    t.equal(await until(() => list(unknown).getByRole('alert').locator('p').textContent(), Boolean), STRINGS.en.errors.invalidKey);
  });

  t.test('without a key the list still shows (published opportunities are public) but the finder asks for one', async (t) => {
    const { page, errors } = await open(`<peluang-opportunities page-size="3"></peluang-opportunities><peluang-match-finder lang="id"></peluang-match-finder>`);
    t.same(await until(() => shownIds(page), (ids) => ids.length === 3), (await search({ limit: 3 })).map((o) => o.id));
    await fillFinder(page);
    t.equal(await until(() => finder(page).getByRole('alert').locator('p').textContent(), Boolean), STRINGS.id.errors.keyRequired);
    t.same(errors, []);
  });

  t.test('the demo page, switched through every language with its own switcher; screenshots saved', async (t) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const demoKey = await keyFor(apiOrigin);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    t.teardown(() => page.close());
    await page.goto(`${apiOrigin}/embed/demo?lang=en&key=${demoKey}`);
    t.match(await page.locator('#list-snippet').textContent(), `<script src="${apiOrigin}/embed/v1/peluang.js" defer></script>`, 'copy-paste snippet');
    await until(() => shownIds(page), (ids) => ids.length === 6);
    await fillFinder(page);

    const settled = async (lang: Lang) => {
      const [listStatus, finderStatus] = await Promise.all([list(page).getByRole('status').textContent(), finder(page).getByRole('status').textContent()]);
      return listStatus === STRINGS[lang].list.shown(6) && finderStatus === STRINGS[lang].finder.found(5);
    };
    for (const lang of LANGS) {
      await page.locator('#lang').selectOption(lang);
      t.ok(await until(() => settled(lang), Boolean), `${lang}: both components switched`);
      const firstReason = (await preview(lang))[0]!.factors.find((f) => f.factor === 'sector')!.text;
      t.equal(await finder(page).locator('[part="reason"][data-factor="sector"] > :last-child').first().textContent(), firstReason, `${lang}: reasons in ${lang}`);
      t.equal(await page.locator('html').getAttribute('lang'), lang, `${lang}: the page follows`);
      t.match(await page.locator('#finder-snippet').textContent(), `lang="${lang}"`, `${lang}: the snippet follows`);
      t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${lang}: nothing wider than the window`);
      await page.screenshot({ path: `${SCREENSHOTS}demo-${lang}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 360, height: 800 });
    t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'at 360 px too');
    await page.screenshot({ path: `${SCREENSHOTS}demo-ja-360px.png`, fullPage: true });
    t.same(errors, [], 'no script errors');
  });
}
