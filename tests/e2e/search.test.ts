import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { PAGEFIND_OPTIONS } from '../../src/lib/searchMeta.ts';
import { buildLinkGraph } from '../../src/lib/linkGraph.ts';
import { loadSite } from '../../src/lib/site.ts';
import { useSite } from './site.ts';

const site = useSite();

describe('search from the keyboard', () => {
  it('home page loads with no console errors', async () => {
    const { page, errors } = await site.open('/');
    await page.waitForLoadState('networkidle');
    expect(await page.title()).toBe('vAPIC Atlas');
    expect(errors).toEqual([]);
  });

  it('does not load the search UI until search is opened', async () => {
    const { page } = await site.open('/apicv/');
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('pagefind')))).toBe(false);
  });

  it('Ctrl+K opens search; typing "AVIC" lists the AVIC page first; Enter opens it', async () => {
    const { page, errors } = await site.open('/');
    await page.keyboard.press('Control+k');
    await page.waitForSelector('pagefind-modal dialog[open] input:focus');
    await page.keyboard.type('AVIC');
    const first = page.locator('pagefind-modal .pf-result-link').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe('/avic/?highlight=avic');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/avic/?highlight=avic');
    expect(await page.locator('h1').textContent()).toBe('AMD AVIC');
    await page.waitForSelector('mark');
    expect(errors).toEqual([]);
  });

  it('the dialog searches on the main thread: no worker script is fetched (PAGEFIND_OPTIONS.noWorker)', async () => {
    const { page } = await site.open('/');
    await page.keyboard.press('Control+k');
    await page.waitForSelector('pagefind-modal dialog[open] input:focus');
    await page.keyboard.type('posted');
    await page.locator('pagefind-modal .pf-result-link').first().waitFor();
    const files = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(files.some((f) => f.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(files.filter((f) => f.includes('pagefind-worker'))).toEqual([]);
  });

  it('"/" opens search too, but not while typing in a field', async () => {
    const { page } = await site.open('/apic/');
    await page.keyboard.press('/');
    await page.waitForSelector('pagefind-modal dialog[open]');
  });

  it('the search page runs ?q= and a filter narrows the results', async () => {
    const { page, errors } = await site.open('/search/?q=apic');
    const results = page.locator('.search-ui .pf-result');
    await results.first().waitFor();
    await page.waitForTimeout(400);
    const all = await results.count();
    expect(await page.locator('pagefind-input input').inputValue()).toBe('apic');
    await page.locator('pagefind-filter-dropdown[filter="vendor"] button').first().click();
    await page.getByRole('option', { name: /^AMD/ }).first().click();
    await page.waitForTimeout(600);
    const narrowed = await results.count();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    expect(errors).toEqual([]);
  });
});

describe('ranking against the built index', () => {
  // An acronym puts the page that explains it first: the glossary names that page.
  const content = loadSite(resolve(import.meta.dirname, '../../content')).site;
  const explainedBy = (term: string) => `/${content.termKeys.get(term.toLowerCase())!.data.page.split('#')[0]}/`;
  const first = ['AVIC', 'APIC', 'APICv', 'x2APIC', 'RVI', 'SVI', 'PIR', 'VMCS', 'VMCB', 'IPIv'].map((t): [string, string] => [t, explainedBy(t)]);
  // Constants find a page that explains them among the first three.
  const topThree: [string, string][] = [
    ['0xFEE00000', '/apic/'],
    ['0x401', '/avic/exits/'],
  ];

  const topUrls = async (query: string, n: number): Promise<string[]> => {
    const { page } = await site.open('/');
    // A string, so the bundler leaves the browser's own import() alone.
    return page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.options(${JSON.stringify(PAGEFIND_OPTIONS)});
      const search = await pagefind.search(${JSON.stringify(query)});
      const data = await Promise.all(search.results.slice(0, ${n}).map((r) => r.data()));
      return data.map((d) => d.url);
    })()`);
  };

  it.each(first)('"%s" ranks %s first', async (query, url) => {
    expect((await topUrls(query, 1))[0]).toBe(url);
  });

  // A kernel identifier puts first a page that discusses the symbol (links it with [[sym:...]]).
  const graph = buildLinkGraph(content);
  it.each(['kvm_set_apicv_inhibit', 'vmx_deliver_posted_interrupt', 'avic_ring_doorbell', 'prepare_vmcs02'])(
    '"%s" ranks a page that discusses it first',
    async (name) => {
      const discussing = (graph.symbolUsage.get(name) ?? []).map((id) => `/${id}/`);
      expect(discussing.length).toBeGreaterThan(0);
      expect(discussing).toContain((await topUrls(name, 1))[0]);
    },
  );

  it.each(topThree)('"%s" finds %s in the first three', async (query, url) => {
    expect(await topUrls(query, 3)).toContain(url);
  });

  it('glossary terms are sub-results of the glossary page', async () => {
    const { page } = await site.open('/');
    const subs = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.options(${JSON.stringify(PAGEFIND_OPTIONS)});
      const search = await pagefind.search('requesting virtual interrupt');
      const all = await Promise.all(search.results.map((r) => r.data()));
      return all.find((d) => d.url === '/glossary/')?.sub_results.map((s) => s.url) ?? [];
    })()`);
    expect(subs).toContain('/glossary/#rvi');
  });
});
