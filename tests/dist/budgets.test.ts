import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstVisitFiles } from '../../scripts/bench/firstVisit.ts';
import { DIST, distPages, isDocPage } from './distSite.ts';

// Byte budgets are deterministic, so they are tests; speed is measured in `npm run bench`.
const pages = distPages();

describe('byte budgets', () => {
  it('navigation stays compact: the header is under 4 KB on every page', () => {
    for (const page of pages) {
      const header = page.root.querySelector('header.site-header');
      expect(header?.outerHTML.length ?? 0, page.url).toBeLessThan(4096);
    }
  });

  it('the site tree expands only the current topic and stays under 3 KB on every page', () => {
    // A window of the current topic (src/lib/siteNav.ts), never the whole site: HTML per page must not
    // grow with the number of pages (the generated 2,000-page corpus has about 290 pages per topic).
    for (const page of pages) {
      const nav = page.root.querySelector('nav#site-nav');
      expect(nav, page.url).not.toBeNull();
      expect(nav!.outerHTML.length, page.url).toBeLessThan(3 * 1024);
      expect(nav!.querySelectorAll('.nav-topic ol').length, page.url).toBeLessThanOrEqual(1);
    }
  });

  it('page chrome (head, header, footer: everything outside <main>) stays under 16 KB', () => {
    for (const page of pages) {
      const main = page.root.querySelector('main')!.outerHTML.length;
      expect(page.html.length - main, page.url).toBeLessThan(16 * 1024);
    }
  });

  it('no page inlines preview data or the search UI', () => {
    for (const page of pages) {
      // The search UI (script and stylesheet) loads when search is opened; only /search/ loads it up front.
      if (page.url !== '/search/') expect(page.html, page.url).not.toMatch(/\/_astro\/(searchView|search)\.[\w-]+\.(js|css)/);
      expect(page.html.includes('"definition"'), page.url).toBe(false);
    }
  });

  it('an article costs a first-time reader at most 30 KiB gzip, and the median article at most 20 KiB', () => {
    // Everything fetched before search or an explainer is used: HTML, stylesheets, icon, module scripts
    // and their static imports (scripts/bench/firstVisit.ts; the bench reports the same figures).
    const gz = (path: string) => gzipSync(readFileSync(join(DIST, path))).length;
    const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
    const weights = pages
      .filter(isDocPage)
      .map((page) => ({ url: page.url, bytes: firstVisitFiles(page.html, read).reduce((n, f) => n + gz(f), gzipSync(page.html).length) }))
      .sort((a, b) => a.bytes - b.bytes);
    for (const w of weights) expect(w.bytes, w.url).toBeLessThanOrEqual(30 * 1024);
    expect(weights[Math.floor(weights.length / 2)]!.bytes, 'median article').toBeLessThanOrEqual(20 * 1024);
  });

  it('scripts a page loads up front stay under 16 KB', () => {
    for (const page of pages) {
      const inline = page.root.querySelectorAll('script:not([src])').reduce((n, s) => n + s.innerHTML.length, 0);
      const external = page.root
        .querySelectorAll('script[src]')
        .reduce((n, s) => n + readFileSync(join(DIST, s.getAttribute('src')!)).length, 0);
      expect(inline + external, page.url).toBeLessThan(16 * 1024);
    }
  });
});
