/** Rows an export reads at a time: big enough to be few queries, small enough to stream. */
export const EXPORT_PAGE = 500;

/**
 * Every item of a cursor-paged read, page after page, for an export. The first page is read
 * before this returns, so a read that is refused fails here, before anything is streamed.
 */
export async function everyItem<Page extends { nextCursor: string | null }, Item>(
  read: (cursor: string | undefined) => Promise<Page>,
  itemsOf: (page: Page) => readonly Item[],
): Promise<AsyncIterable<Item>> {
  let page = await read(undefined);
  return (async function* () {
    yield* itemsOf(page);
    while (page.nextCursor) {
      page = await read(page.nextCursor);
      yield* itemsOf(page);
    }
  })();
}
