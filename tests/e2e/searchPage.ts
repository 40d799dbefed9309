// Searching on a loaded /search/ page, as a reader who searches again: the engine and index stay
// loaded, so tests that only read results type each query instead of reloading the page and Pagefind.
import type { Page } from 'playwright-core';
import { parseQuery } from '../../src/lib/search/query.ts';
import { resultSummary } from '../../src/lib/search/searchSite.ts';

/**
 * Types `query` into the search page's field and resolves once the page announces the count for this
 * query: the announcement, which ends with the query, is made last, when cards and results are on
 * screen (or fails after `timeout` ms, Playwright's default). The query must differ from the one shown
 * before, or the old announcement would match.
 */
export async function searchOnPage(page: Page, query: string, timeout = 30_000): Promise<void> {
  const announced = resultSummary(0, 0, parseQuery(query).text).replace(/^.*? for /, ' for ');
  await page.fill('[data-search-page] input[type="search"]', query);
  await page.waitForFunction((end) => (document.querySelector('[data-search-page] [role="status"]')?.textContent ?? '').endsWith(end), announced, { timeout });
}
