import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { STRINGS, type Lang } from '../../embed/src/i18n.ts';
import { accessibilityViolations, browserAvailable, sameList, until, watchErrors } from './harness.ts';
import { embedStack, fillFinder, finder, list, SECTOR, shownIds, shownMatches, shownTitles } from './stack.ts';

const SCREENSHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));
const LANGS: Lang[] = ['en', 'id', 'ko', 'ja', 'zh'];

/** The match finder, the four languages, and the demo page with its screenshots. */
if (browserAvailable(t)) {
  const { open, search, preview, expectedMatches, keyFor, withKey, apiOrigin, browser } = await embedStack(t);

  t.test('the match finder returns ranked matches with their reasons and badges', async (t) => {
    const { page, errors } = await open(`<peluang-match-finder${withKey} page-size="5"></peluang-match-finder>`);
    await fillFinder(page);
    const answered = await preview('en');
    const expected = expectedMatches(answered, 'en');
    const shown = await until(() => shownMatches(page), (matches) => matches.length === expected.length);
    t.same(shown, expected, 'what POST /v1/matches/preview answers, in its order, with the band in words');
    t.same(shown.map((m) => m.score), [...shown.map((m) => m.score)].sort((a, b) => b - a), 'best first');
    t.ok(shown.every((m) => m.reasons.every(([, text]) => text)), 'every reason shown has its sentence');
    t.ok(shown.every((m) => !m.reasons.some(([factor]) => factor === 'modality')), 'the form never asks the form of investment, so it never answers it');
    const supported = await finder(page).locator('ul[data-kind="supports"] [part="reason"]').count();
    t.equal(supported, answered.flatMap((m) => m.factors.filter((f) => f.supports)).length, '"why it fits" lists only factors that support the match');
    t.ok(shown.some((m) => m.badges.length > 0), 'context badges (a Korean company: the health MoU)');
    t.equal(await finder(page).getByRole('status').textContent(), STRINGS.en.finder.found(expected.length));
    t.same(errors, []);
  });

  t.test('the finder on a phone and on a desktop: screenshots saved', async (t) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, width] of [['phone', 390], ['desktop', 1280]] as const) {
      const { page, errors } = await open(`<peluang-match-finder${withKey} page-size="3"></peluang-match-finder>`, width);
      await fillFinder(page);
      await until(() => shownMatches(page), (matches) => matches.length === 3);
      t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name}: nothing wider than the window`);
      t.same(await accessibilityViolations(page), [], `${name}: no WCAG 2.1 A/AA violations`);
      await page.screenshot({ path: `${SCREENSHOTS}finder-${name}.png`, fullPage: true });
      t.same(errors, []);
    }
  });

  t.test('a profile that states nothing is not sent; the finder says what to answer', async (t) => {
    const { page, errors } = await open(`<peluang-match-finder${withKey} lang="ja"></peluang-match-finder>`);
    await finder(page).locator('form button[type="submit"]').click();
    t.equal(await until(() => finder(page).getByRole('alert').locator('p').textContent(), Boolean), STRINGS.ja.finder.nothingStated);
    t.equal(await finder(page).locator('li[part="match"]').count(), 0);
    t.same(errors, []);
  });

  t.test('the finder checks the ticket size before asking, in the visitor language', async (t) => {
    const { page } = await open(`<peluang-match-finder${withKey} lang="id"></peluang-match-finder>`);
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
      `<peluang-opportunities${withKey} page-size="100"></peluang-opportunities>` +
        `<peluang-match-finder${withKey} page-size="5"></peluang-match-finder>`,
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

      const expected = expectedMatches(await preview(lang), lang);
      t.same(await until(() => shownMatches(page), (shown) => sameList(shown.map((m) => m.reasons[0]![1]), expected.map((m) => m.reasons[0]![1]))), expected, `${lang}: reasons in ${lang}`);
      t.equal(await finder(page).locator('[part="form-title"]').textContent(), STRINGS[lang].finder.title, `${lang}: form strings`);
      t.equal(await finder(page).locator('select[name="sector"]').inputValue(), SECTOR, `${lang}: the visitor's answers are kept`);
      t.equal(await finder(page).locator('input[name="max"]').inputValue(), '50');
    }
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
    t.same(await accessibilityViolations(page), [], 'the demo page itself: no WCAG 2.1 A/AA violations');
    t.same(errors, [], 'no script errors');
  });
}
