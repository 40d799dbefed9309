import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { resolve } from 'node:path';
import type { BrowserContext, Dialog, Page } from 'playwright-core';
import { buildLinkGraph } from '../../src/lib/linkGraph.ts';
import { indexQuery } from '../../src/lib/search/indexTerms.ts';
import { loadSite } from '../../src/lib/site.ts';
import { searchOnPage } from './searchPage.ts';
import { useSite } from './site.ts';

const site = useSite();
const content = loadSite(resolve(import.meta.dirname, '../../content')).site;
const explainedBy = (term: string) => `/${content.termKeys.get(term.toLowerCase())!.data.page.split('#')[0]}/`;
const path = (href: string) => new URL(href, 'http://x').pathname;

/** Waits for the search at `root` to settle (the announced count appears) and returns it. */
async function settled(page: Page, root = ''): Promise<string> {
  const status = page.locator(`${root} .search-status`);
  await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '').includes('for “'), `${root} .search-status`.trim());
  return (await status.textContent()) ?? '';
}

/**
 * One context for the tests that do not read what a page loaded: its cache stays warm, so each page they
 * open does not fetch and compile the engine and index cold again.
 */
let warm: BrowserContext | undefined;
const warmContext = async () => (warm ??= await site.browser.newContext());
afterAll(() => warm?.close());
/** A new page in the warm context, closed when the test finishes. */
async function openWarm(path: string) {
  const opened = await site.openIn(await warmContext(), path);
  onTestFinished(() => opened.page.close());
  return opened;
}

/**
 * /search/, loaded once for the tests that only read results: each query is typed into it (searchOnPage),
 * as a reader searching again does; reloading it per query would start the engine and index each time.
 */
let results: { page: Page; errors: string[] } | undefined;
async function resultsPage(): Promise<{ page: Page; errors: string[] }> {
  if (!results) {
    results = await site.openIn(await warmContext(), '/search/');
    await results.page.locator('[data-search-page] select[name="topic"] option:not([value=""])').first().waitFor({ state: 'attached' });
  }
  return results;
}
async function searchFor(query: string): Promise<Page> {
  const { page } = await resultsPage();
  await searchOnPage(page, query);
  return page;
}

/** hrefs of every result and answer-card link on /search/ for query, in rank order (sections left out). */
async function ranked(query: string): Promise<string[]> {
  const page = await searchFor(query);
  return page.locator('[data-search-result]:not([data-search-result="section"])').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
}

describe('search from the keyboard', () => {
  it('does not load the search script, engine or index until search is opened', async () => {
    const { page, errors } = await site.open('/apicv/');
    await page.waitForLoadState('networkidle');
    const files = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(files.filter((f) => /pagefind|searchView|vocabulary/.test(f))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Ctrl+K opens the dialog; typing "AVIC" puts its answer card first; arrows and Enter open it with the word highlighted', async () => {
    const { page, errors } = await openWarm('/');
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog.search-dialog[open] input:focus');
    await page.keyboard.type('AVIC');
    expect(await settled(page, 'dialog.search-dialog')).toMatch(/^1 answer and \d+ results for “AVIC”$/);
    const first = page.locator('dialog.search-dialog [data-search-result]').first();
    expect(await first.getAttribute('data-search-result')).toBe('card');
    expect(path((await first.getAttribute('href'))!)).toBe(explainedBy('AVIC'));
    await page.keyboard.press('ArrowDown');
    expect(await first.evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${explainedBy('AVIC')}?highlight=AVIC`);
    expect(await page.locator('h1').textContent()).toBe('AMD AVIC');
    await page.waitForSelector('main mark');
    expect(errors).toEqual([]);
  });

  it('Enter in the field opens the first result; Escape closes the dialog', async () => {
    const { page } = await openWarm('/apic/');
    await page.keyboard.press('/');
    await page.waitForSelector('dialog.search-dialog[open] input:focus');
    await page.keyboard.type('x2APIC');
    await settled(page, 'dialog.search-dialog');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.search-dialog:not([open])', { state: 'attached' });
    // "/" typed into a field is text, not the shortcut.
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog.search-dialog[open] input:focus');
    await page.keyboard.press('End');
    await page.keyboard.type('/');
    expect(await page.locator('dialog.search-dialog input').inputValue()).toBe('x2APIC/');
    await page.keyboard.press('Backspace');
    const href = await page.locator('dialog.search-dialog [data-search-result]').first().getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${href}`);
  });

  it('the dialog searches on the main thread with the raw Pagefind API: no worker, no Pagefind UI bundle', async () => {
    const { page } = await site.open('/');
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog.search-dialog[open] input:focus');
    await page.keyboard.type('posted');
    await settled(page, 'dialog.search-dialog');
    const files = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(files.some((f) => f.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(files.filter((f) => /pagefind-(worker|component-ui|ui|modular-ui)/.test(f))).toEqual([]);
  });

  it('announces the result count to screen readers', async () => {
    const { page } = await openWarm('/search/?q=posted%20interrupt');
    const status = page.locator('.search-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await settled(page)).toMatch(/^\d+ answers? and \d+ results for “posted interrupt”$/);
  });

  it('works by touch: tap the header button, type, tap a result', async () => {
    const { page, errors } = await site.open('/apicv/', { hasTouch: true, isMobile: true, viewport: { width: 375, height: 740 } });
    await page.locator('[data-search-open]').tap();
    await page.waitForSelector('dialog.search-dialog[open] input:focus');
    await page.keyboard.type('doorbell');
    await settled(page, 'dialog.search-dialog');
    const first = page.locator('dialog.search-dialog [data-search-result]').first();
    const href = (await first.getAttribute('href'))!;
    await first.tap();
    await page.waitForURL(`**${href}`);
    expect(errors).toEqual([]);
  });
});

describe('pasted kernel output hands off to its decoder', () => {
  const line = 'kvm_apicv_inhibit_changed: set reason=9, inhibits=0x200';
  // The inhibit decoder opened from a card: the pasted line filled in and decoded.
  async function decoded(page: Page) {
    await page.waitForURL(/\/kvm\/apicv-inhibits\/\?inhibit=.*#inhibit-decoder$/);
    const dec = page.locator('#inhibit-decoder');
    await expect.poll(() => dec.locator('input[data-input]').inputValue(), { timeout: 15_000 }).toBe(line);
    await expect.poll(() => dec.locator('[data-summary]').textContent(), { timeout: 15_000 }).toContain('PIT_REINJ');
  }

  it('by keyboard: the card comes first in the dialog, and ArrowDown then Enter opens the decoder', async () => {
    const { page, errors } = await openWarm('/');
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog.search-dialog[open] input:focus');
    await page.keyboard.type(line);
    expect(await settled(page, 'dialog.search-dialog')).toMatch(/^1 answer and \d+ results for /);
    const first = page.locator('dialog.search-dialog [data-search-result]').first();
    expect(await first.getAttribute('data-search-result')).toBe('card');
    await page.keyboard.press('ArrowDown');
    expect(await first.evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await decoded(page);
    expect(errors).toEqual([]);
  });

  it('by mouse: clicking "Decode it" on /search/ opens the decoder', async () => {
    const { page, errors } = await openWarm(`/search/?q=${encodeURIComponent(line)}`);
    await settled(page);
    await page.locator('.search-card a', { hasText: 'Decode it in the Inhibit-mask decoder' }).click();
    await decoded(page);
    expect(errors).toEqual([]);
  });

  it('by touch: on a phone, tapping the card in the dialog opens the decoder', async () => {
    const { page, errors } = await site.open('/apicv/', { hasTouch: true, isMobile: true, viewport: { width: 375, height: 740 } });
    await page.locator('[data-search-open]').tap();
    await page.waitForSelector('dialog.search-dialog[open] input:focus');
    await page.keyboard.type(line);
    await settled(page, 'dialog.search-dialog');
    await page.locator('dialog.search-dialog .search-card a[data-search-result="card"]').first().tap();
    await decoded(page);
    expect(errors).toEqual([]);
  });
});

describe('the search page', () => {
  it('runs ?q=, and a filter narrows the results and is kept in the URL', async () => {
    const { page, errors } = await openWarm('/search/?q=apic');
    const before = await settled(page);
    const all = Number(before.match(/(\d+) results/)![1]);
    expect(await page.locator('.search-view-input').inputValue()).toBe('apic');
    await page.locator('select[name="vendor"] option[value="AMD"]').waitFor({ state: 'attached' });
    await page.locator('select[name="vendor"]').selectOption('AMD');
    await page.waitForURL(/vendor=AMD/);
    await page.waitForFunction((b) => document.querySelector('.search-status')?.textContent !== b, before);
    const narrowed = Number((await settled(page)).match(/(\d+) results/)![1]);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    // A shared filtered search opens filtered.
    const { page: again } = await openWarm(new URL(page.url()).pathname + new URL(page.url()).search);
    expect(Number((await settled(again)).match(/(\d+) results/)![1])).toBe(narrowed);
    expect(await again.locator('select[name="vendor"]').inputValue()).toBe('AMD');
    expect(errors).toEqual([]);
  });

  it('"HYPERV" puts the inhibit reason first, above pages about hypervisors', async () => {
    const hrefs = await ranked('HYPERV');
    expect(hrefs[0]).toMatch(/^\/kvm\/apicv-inhibits\//);
    expect(hrefs.slice(0, 4)).toContain('/symbols/#APICV_INHIBIT_REASON_HYPERV');
  });

  it.each(['RVI', 'SVI', 'PIR', 'VMCS', 'VMCB', 'IPIv', 'x2APIC', 'APICv'])('"%s" puts its glossary answer card first, linking to the page that explains it', async (term) => {
    const page = await searchFor(term);
    const card = page.locator('.search-card').first();
    expect(await card.locator('.search-card-kicker').textContent()).toBe('Glossary term');
    expect(path((await page.locator('[data-search-result]').first().getAttribute('href'))!)).toBe(explainedBy(term));
    // The term's own record (its glossary entry) is linked from the card.
    expect(await card.locator('a[href^="/glossary/#"]').count()).toBe(1);
  });

  const graph = buildLinkGraph(content);
  it.each(['kvm_set_apicv_inhibit', 'vmx_deliver_posted_interrupt', 'avic_ring_doorbell', 'prepare_vmcs02'])(
    '"%s" shows its symbol card first, linking to a page that discusses it',
    async (name) => {
      const hrefs = await ranked(name);
      const discussing = (graph.symbolUsage.get(name) ?? []).map((id) => `/${id}/`);
      expect(discussing).toContain(path(hrefs[0]!));
      expect(hrefs).toContain(`/symbols/#${name}`);
    },
  );

  it.each([
    ['0xFEE00000', '/apic/'],
    ['0x401', '/avic/exits/'],
  ])('the constant "%s" finds %s in the first three results', async (query, url) => {
    expect((await ranked(query)).slice(0, 3).map(path)).toContain(url);
  });

  const topThreePages = async (query: string) =>
    (await ranked(query)).slice(0, 3).map(path).map((p) => `/${p.split('/')[1]}/${p.split('/')[2] ? `${p.split('/')[2]}/` : ''}`);
  it.each([
    ['what happens to an interrupt meant for L1 when the vCPU is running L2', '/nested/'],
    // The outcome page never says "rejected"; its synonym "not merged" (content/synonyms.yaml) finds it.
    ['why was the patch rejected', '/rfc/outcome/'],
  ])('the question "%s" finds %s in the first three', async (query, url) => {
    expect(await topThreePages(query)).toContain(url);
  });

  it('a question of many words never comes back empty', async () => {
    expect((await ranked('interrupts lost L2 workaround disable APICv')).length).toBeGreaterThan(2);
  });

  it('a query gets the same results whatever was searched before it (typing "re" on the way included)', async () => {
    // "respond" is not on the site; the engine once fell back on any loaded word it starts with ("re").
    const query = 'how did Sean Christopherson respond to the RFC';
    const before = await ranked(query);
    for (const other of ['re', 'res', 'what is PV EOI and how does it avoid exits']) await searchFor(other);
    expect(await ranked(query)).toEqual(before);
  });

  it('a word of two letters finds the same records whatever was searched before it', async () => {
    // "vm" once also matched, by prefix, "vmx" and "vmcs" wherever an earlier search had loaded them:
    // 116 records on a fresh page, 220 after other searches.
    const { page } = await site.open('/search/');
    const count = async (query: string) => {
      await searchOnPage(page, query);
      return Number((await page.locator('.search-status').textContent())!.match(/(\d+) results?/)![1]);
    };
    const fresh = await count('vm');
    for (const other of ['vmx', 'vmcs fields', 'vmcb12']) await searchOnPage(page, other);
    expect(await count('vm')).toBe(fresh);
  });

  it('an acronym matches the same words whatever identifiers the engine has loaded before', async () => {
    // Identifiers are indexed and searched under a mark (src/lib/search/indexTerms.ts). Without it,
    // "kvm" would also match every "kvm_" identifier once a search had loaded their chunks.
    const { page } = await site.open('/search/');
    // Words matched over all results, from the engine itself (as a string: the test runner would
    // rewrite an import() in a function).
    const matched = (query: string) =>
      page.evaluate(`import('/pagefind/pagefind.js').then((pagefind) => pagefind.search(${JSON.stringify(query)})).then((found) => found.results.reduce((n, r) => n + r.words.length, 0))`) as Promise<number>;
    const fresh = await matched('kvm');
    expect(await matched(indexQuery('kvm_', new Map()))).toBeGreaterThan(100);
    expect(await matched('kvm')).toBe(fresh);
  });

  it('on a phone each excerpt shows its first highlight inside its clamped lines', async () => {
    const { page } = await site.open('/search/', { viewport: { width: 375, height: 740 } });
    for (const query of ['kvm_apicv_inhibit_changed: set reason=9, inhibits=0x200', 'why was the patch rejected', 'why does KVM zap the APIC page mapping when APICv gets inhibited']) {
      await searchOnPage(page, query);
      const hidden = await page.locator('[data-search-page] .search-excerpt:has(mark)').evaluateAll((ps) =>
        ps.flatMap((p) => {
          const box = p.getBoundingClientRect();
          const first = p.querySelector('mark')!.getClientRects()[0]!;
          // Visible: its first line box starts inside the paragraph's clamped box, left of its right edge.
          return first.top < box.bottom - 2 && first.left < box.right - 8 ? [] : [p.textContent];
        }),
      );
      expect(hidden, query).toEqual([]);
    }
  });

  it('glossary terms are search records of their own', async () => {
    expect(await ranked('requesting virtual interrupt')).toContain('/glossary/#rvi');
  });

  it('a misspelling offers close matches from the site’s vocabulary, which search when chosen', async () => {
    const { page } = await openWarm('/search/?q=poasted%20interupt');
    const suggestion = page.locator('[data-search-suggestion]').first();
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toBe('posted interrupt');
    await suggestion.click();
    await page.waitForFunction(() => document.querySelector('.search-status')?.textContent?.endsWith('for “posted interrupt”'));
    expect(page.url()).toMatch(/q=posted(\+|%20)interrupt/);
  });

  it.each([
    ['a 2,000-character query', 'interrupt '.repeat(200), /Only the first \d+ characters/],
    ['markup', '<img src=x onerror=alert(1)>', null],
    ['regex metacharacters', '.*+?^${}()|[]\\', /only question words/],
    ['emoji', '🙂🔥', /only question words/],
    ['only stop words', 'what is the', /only question words/],
    ['another script', '割り込み 仮想化', /Not found on the site/],
  ])('bad input (%s) gets a clear answer and no error', async (_, query, notice) => {
    // Typed into the loaded search page, as a reader would; the page's errors are counted from its load.
    const { page, errors } = await resultsPage();
    let dialogs = 0;
    const dismiss = async (d: Dialog) => {
      dialogs++;
      await d.dismiss();
    };
    page.on('dialog', dismiss);
    onTestFinished(() => void page.off('dialog', dismiss));
    await searchOnPage(page, query);
    if (notice) expect(await page.locator('.search-notice').textContent()).toMatch(notice);
    expect(await page.locator('.search-view img').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
  });
});
