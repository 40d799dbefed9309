import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../scripts/serve.ts';
import { PREVIEW_LINKS, previewKey } from '../../src/lib/previews.ts';
import { leakedWikiLinks } from '../../src/lib/wikiLink.ts';
import type { HTMLElement } from 'node-html-parser';
import { DIST, distPages, isDocPage } from './distSite.ts';

const pages = distPages();
const byUrl = new Map(pages.map((p) => [p.url, p]));
const idsOf = (url: string) => new Set(byUrl.get(url)!.root.querySelectorAll('[id]').map((e) => e.id));

/** Internal links of a page as [path, fragment]; links to other origins are skipped. */
function internalLinks(url: string): { href: string; path: string; hash: string }[] {
  return byUrl.get(url)!.root.querySelectorAll('a[href]').flatMap((a) => {
    const href = a.getAttribute('href')!;
    if (/^[a-z]+:/i.test(href) || href.startsWith('//')) return [];
    const target = new URL(href, `http://site${url}`);
    return [{ href, path: target.pathname, hash: decodeURIComponent(target.hash.slice(1)) }];
  });
}

describe('links in the built site', () => {
  it('has pages to check', () => {
    expect(pages.filter(isDocPage).length).toBeGreaterThanOrEqual(8);
  });

  it('every internal link points at a file that exists, and every #anchor at an id on it', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const link of internalLinks(page.url)) {
        const file = join(DIST, link.path);
        const isPage = byUrl.has(link.path);
        const exists = isPage || (existsSync(file) && statSync(file).isFile());
        if (!exists) broken.push(`${page.url} -> ${link.href} (no such page)`);
        else if (link.hash && isPage && !idsOf(link.path).has(link.hash)) broken.push(`${page.url} -> ${link.href} (no id "${link.hash}")`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('no doc page is an orphan: each is linked from another page', () => {
    const inbound = new Map<string, number>();
    for (const page of pages) {
      for (const link of internalLinks(page.url)) if (link.path !== page.url) inbound.set(link.path, (inbound.get(link.path) ?? 0) + 1);
    }
    const orphans = pages.filter(isDocPage).filter((p) => !inbound.get(p.url)).map((p) => p.url);
    expect(orphans).toEqual([]);
  });

  it('every doc page lists its sources, and every citation jumps to one of them', () => {
    for (const page of pages.filter(isDocPage)) {
      const items = page.root.querySelectorAll('section.sources li[id^="source-"]');
      expect(items.length, `${page.url} lists no sources`).toBeGreaterThan(0);
      const ids = new Set(items.map((li) => li.id));
      for (const cite of page.root.querySelectorAll('a.cite')) {
        expect(ids.has(cite.getAttribute('href')!.slice(1)), `${page.url}: ${cite.getAttribute('href')}`).toBe(true);
        // The number in the citation is the entry's position in the list.
        const n = Number(/^\[(\d+)/.exec(cite.text)![1]);
        expect(items[n - 1]!.id).toBe(cite.getAttribute('href')!.slice(1));
      }
    }
  });

  it('every citation has an id its source links back to (↩), and a no-break space binds it to the word before', () => {
    for (const page of pages.filter(isDocPage)) {
      const cites = page.root.querySelectorAll('a.cite');
      const backs = page.root.querySelectorAll('section.sources li[id^="source-"] .cite-back, section.sources li[id^="source-"] .cite-back a')
        .map((a) => a.getAttribute('href')).filter(Boolean);
      expect(backs.sort(), page.url).toEqual(cites.map((c) => `#${c.id}`).sort());
      for (const cite of cites) {
        const before = page.html.slice(Math.max(0, page.html.indexOf(`id="${cite.id}"`) - 400), page.html.indexOf(`id="${cite.id}"`));
        const textBefore = before.slice(0, before.lastIndexOf('<a')).replace(/<[^>]*>/g, '');
        expect(/[ \t\n]$/.test(textBefore), `${page.url}: breakable space before ${cite.id}`).toBe(false);
      }
    }
  });

  it('"Connections" lists every page that links here under "Leads to", once, and search ignores it', () => {
    const docs = pages.filter(isDocPage);
    // Cross-links written in the text ([[page]]), as the link graph counts them.
    const targets = new Map(docs.map((d) => [d, new Set(d.root.querySelectorAll('.doc-body a.xref-page[href]').map((a) => a.getAttribute('href')!.split('#')[0]))]));
    for (const page of docs) {
      const section = page.root.querySelector('section.connections');
      const expected = docs.filter((other) => other !== page && targets.get(other)!.has(page.url)).map((p) => p.url).sort();
      const listed = (section?.querySelectorAll('.leads-to a') ?? []).map((a) => a.getAttribute('href')!).sort();
      expect(listed, page.url).toEqual(expected);
      // Outside the indexed body (Pagefind reads only inside data-pagefind-body), or explicitly ignored.
      if (section) expect(section.closest('[data-pagefind-body]') === null || section.hasAttribute('data-pagefind-ignore'), page.url).toBe(true);
      // Said once: no other list of backlinks or neighbours after the article.
      expect(page.root.querySelectorAll('section.backlinks, section.neighbourhood').length, page.url).toBe(0);
    }
  });

  it('a page that nothing links to yet shows no empty "Leads to" column', () => {
    for (const page of pages.filter(isDocPage)) {
      for (const col of page.root.querySelectorAll('.connections-col')) expect(col.querySelectorAll('li').length, page.url).toBeGreaterThan(0);
    }
  });

  it('no page shows a raw [[...]] cross-link: every one was resolved (file and line of the HTML are named)', () => {
    const leaks = pages.flatMap((p) => leakedWikiLinks(p.html).map((l) => `${p.file}:${l.line}: ${l.excerpt}`));
    const previews = readFileSync(join(DIST, 'previews.json'), 'utf8');
    if (previews.includes('[[')) leaks.push(`previews.json: ${previews.slice(previews.indexOf('[['), previews.indexOf('[[') + 60)}`);
    expect(leaks).toEqual([]);
  });

  it('every cross-link has a preview in previews.json', () => {
    const previews = JSON.parse(readFileSync(join(DIST, 'previews.json'), 'utf8')) as Record<string, unknown>;
    const keyOf = (page: string, a: HTMLElement) => {
      const url = new URL(a.getAttribute('href')!, `http://site${page}`);
      return previewKey({ pathname: url.pathname, hash: url.hash, citation: a.classList.contains('cite') });
    };
    const keys = pages.flatMap((p) => p.root.querySelectorAll(PREVIEW_LINKS).map((a) => keyOf(p.url, a)));
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((k) => !(k in previews))).toEqual([]);
  });

  it('no page loads anything from another origin', () => {
    for (const page of pages) {
      const external = page.root
        .querySelectorAll('script[src], link[rel="stylesheet"], img[src], link[rel="preload"], iframe')
        .map((e) => e.getAttribute('src') ?? e.getAttribute('href')!)
        .filter((u) => /^(https?:)?\/\//.test(u));
      expect(external, page.url).toEqual([]);
    }
  });
});

describe('external links', () => {
  it('carry rel="noopener noreferrer"', () => {
    const bad = pages.flatMap((p) =>
      p.root.querySelectorAll('a[href^="http"]')
        .filter((a) => !/\bnoopener\b/.test(a.getAttribute('rel') ?? '') || !/\bnoreferrer\b/.test(a.getAttribute('rel') ?? ''))
        .map((a) => `${p.url}: ${a.getAttribute('href')}`));
    expect(bad).toEqual([]);
  });

  it('every page ships a Content-Security-Policy without unsafe-inline scripts, and _headers carries it', () => {
    for (const page of pages) {
      const csp = page.root.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
      const script = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
      expect(script, page.url).toContain("'self'");
      expect(script, page.url).not.toContain('unsafe-inline');
    }
    const headers = readFileSync(join(DIST, '_headers'), 'utf8');
    expect(headers).toMatch(/Content-Security-Policy: .*script-src 'self'/);
    expect(headers).toContain('X-Content-Type-Options: nosniff');
  });

  it('every inline script is allowed by its hash in the page meta CSP and in _headers (a header covers scripts before the meta tag too)', () => {
    const headerCsp = headersFor(parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8')), '/')['Content-Security-Policy'] ?? '';
    const blocked: string[] = [];
    for (const page of pages) {
      const meta = page.root.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
      for (const script of page.root.querySelectorAll('script:not([src])')) {
        const hash = `'sha256-${createHash('sha256').update(script.textContent).digest('base64')}'`;
        if (!meta.includes(hash)) blocked.push(`${page.url}: meta CSP lacks ${hash}`);
        if (!headerCsp.includes(hash)) blocked.push(`${page.url}: _headers lacks ${hash}`);
      }
    }
    expect(blocked).toEqual([]);
  });

  it('_headers parses, and lets browsers keep content-hashed assets but not pages', () => {
    const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
    const asset = readdirSync(join(DIST, '_astro')).find((f) => f.endsWith('.css'))!;
    expect(headersFor(rules, `/_astro/${asset}`)['Cache-Control']).toContain('immutable');
    expect(headersFor(rules, '/apicv/')['Cache-Control']).toBeUndefined();
    expect(headersFor(rules, '/apicv/')['X-Frame-Options']).toBe('DENY');
  });
});
