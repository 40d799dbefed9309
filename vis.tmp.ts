import type { AddressInfo } from 'node:net';
import { launchChromium } from './tests/e2e/browser.ts';
import { serveStatic } from './scripts/serve.ts';
import { searchOnPage } from './tests/e2e/searchPage.ts';
import { SEARCH_BENCH_QUERIES } from './scripts/bench/search.ts';
const server = await serveStatic('dist', 0);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium();
const page = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
await page.goto(`${base}/search/`);
let bad = 0;
for (const q of Object.values(SEARCH_BENCH_QUERIES).flat()) {
  await searchOnPage(page, q);
  const hidden = await page.locator('[data-search-page] .search-excerpt:has(mark)').evaluateAll((ps) =>
    ps.flatMap((p) => { const box = p.getBoundingClientRect(); const first = p.querySelector('mark')!.getClientRects()[0]!;
      return first.top < box.bottom - 2 && first.left < box.right - 8 ? [] : [p.textContent!.slice(0, 90)]; }));
  if (hidden.length) { bad++; console.log(q.slice(0, 60), '=>', hidden); }
}
console.log('queries with a hidden first highlight', bad);
await browser.close(); server.close();
