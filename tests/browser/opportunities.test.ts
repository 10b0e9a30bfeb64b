import t from 'tap';
import { STRINGS } from '../../embed/src/i18n.ts';
import { accessibilityViolations, browserAvailable, sameList, until } from './harness.ts';
import { embedStack, fillFinder, finder, list, shownIds, shownMatches, shownTitles } from './stack.ts';

/** The opportunities list on a chamber's page, what the components say when things go wrong, accessibility. */
if (browserAvailable(t)) {
  const { open, search, keyFor, withKey } = await embedStack(t);

  t.test('the list shows the published opportunities, as the API lists them, and nothing else', async (t) => {
    const { page, errors } = await open(`<peluang-opportunities${withKey} page-size="100"></peluang-opportunities>`);
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
    const { page } = await open(`<peluang-opportunities${withKey} page-size="4"></peluang-opportunities>`);
    const published = await search({});
    t.same(await until(() => shownIds(page), (ids) => ids.length === 4), published.slice(0, 4).map((o) => o.id));
    await list(page).getByRole('button', { name: STRINGS.en.list.more }).click();
    t.same(await until(() => shownIds(page), (ids) => ids.length === 8), published.slice(0, 8).map((o) => o.id), 'no repeat, no gap');
    const focused = await list(page).evaluate((element) => element.shadowRoot!.activeElement?.textContent);
    t.equal(focused, published[4]!.display.title, 'focus moves to the first newly loaded opportunity');
  });

  t.test('filters set as attributes change the results, and changing them fetches again', async (t) => {
    const { page, errors } = await open(`<peluang-opportunities${withKey} page-size="100" sector="vaccines,plasma-derived-products"></peluang-opportunities>`);
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
    const { page } = await open(`<peluang-opportunities${withKey} page-size="3"></peluang-opportunities>`);
    const [first] = await search({ limit: 1 });
    await until(() => shownIds(page), (ids) => ids.length === 3);
    // From the top of the page, the keyboard alone: Tab to the first opportunity, Enter to open.
    await page.keyboard.press('Tab');
    t.equal(await list(page).evaluate((element) => element.shadowRoot!.activeElement?.textContent), first!.display.title, 'first stop: the first opportunity');
    await page.keyboard.press('Enter');
    const dialog = list(page).getByRole('dialog', { name: first!.display.title });
    await dialog.waitFor();
    const text = await dialog.textContent();
    t.match(text, first!.display.summary, 'summary');
    t.match(text, first!.sponsor.name, 'sponsor');
    t.match(text, first!.contact.email, 'contact');
    t.match(text, `US$${first!.investmentUsd.min.toLocaleString('en')}`, 'investment range in whole US dollars');
    t.equal(await dialog.getByRole('link', { name: first!.contact.email }).getAttribute('href'), `mailto:${first!.contact.email}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    t.equal(await list(page).evaluate((element) => element.shadowRoot!.activeElement?.textContent), first!.display.title, 'focus returns to the opportunity');
  });

  t.test('a network failure is reported in the visitor language, with a way to retry', async (t) => {
    const { page } = await open(`<peluang-opportunities api-base="http://127.0.0.1:9" lang="ja"></peluang-opportunities>`);
    const alert = list(page).getByRole('alert');
    t.equal(await until(() => alert.locator('p').textContent(), (text) => Boolean(text)), STRINGS.ja.errors.network);
    t.equal(await alert.getByRole('button').textContent(), STRINGS.ja.retry);
  });

  t.test('a key not allowed for the page origin: the public list, a clear finder message, the origin named in the console', async (t) => {
    // A key issued for the bare host, used on its www. twin.
    const elsewhere = await keyFor('https://chamber.example.org');
    const warnings: string[] = [];
    const { page, errors } = await open(
      `<peluang-opportunities api-key="${elsewhere}" page-size="3"></peluang-opportunities>` + `<peluang-match-finder api-key="${elsewhere}" lang="ko"></peluang-match-finder>`,
    );
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.reload();
    t.same(await until(() => shownIds(page), (ids) => ids.length === 3), (await search({ limit: 3 })).map((o) => o.id), 'the list falls back to the public list');
    t.equal(await until(() => finder(page).getByRole('alert').locator('p').textContent(), Boolean), STRINGS.ko.finder.originRefused);
    await fillFinder(page);
    t.equal(await finder(page).getByRole('alert').locator('p').textContent(), STRINGS.ko.finder.originRefused, 'still clear after a search');
    t.equal(await finder(page).locator('li[part="match"]').count(), 0);
    const origin = new URL(page.url()).origin;
    t.ok(warnings.some((w) => w.includes(`Add ${origin} to the key's allowed origins`)), 'the console names the origin to add');
    t.same(errors, []);

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

  t.test('no WCAG 2.1 A/AA violations axe-core can find: list, detail view, form and results, narrow or wide', async (t) => {
    for (const [lang, width] of [['en', 1024], ['ko', 360]] as const) {
      const { page } = await open(
        `<peluang-opportunities${withKey} page-size="4" lang="${lang}"></peluang-opportunities>` +
          `<peluang-match-finder${withKey} page-size="3" lang="${lang}"></peluang-match-finder>`,
        width,
      );
      await until(() => shownIds(page), (ids) => ids.length === 4);
      await fillFinder(page);
      await until(() => shownMatches(page), (matches) => matches.length === 3);
      t.same(await accessibilityViolations(page), [], `${lang} at ${width}px`);
      await list(page).locator('.title-button').first().click();
      await list(page).getByRole('dialog').waitFor();
      t.same(await accessibilityViolations(page), [], `${lang}: with the detail dialog open`);
    }
  });
}
