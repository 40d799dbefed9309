import { describe, expect, it } from 'vitest';
import { sidewaysOverflow } from './sideways.ts';
import { useSite } from './site.ts';

const site = useSite();

describe('symbol index and glossary filters', () => {
  it('symbols: typing filters the entries offline, empty letters hide, the kind filter narrows, and the count is announced', async () => {
    const { page, errors } = await site.open('/symbols/');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const total = await page.locator('.symbol-entry').count();
    await page.locator('#reference-filter-text').focus();
    await page.keyboard.type('apicv inhibit');
    const visible = page.locator('.symbol-entry:visible');
    const names = await visible.locator('h3').allTextContents();
    expect(names).toContain('kvm_set_apicv_inhibit');
    expect(names.length).toBeLessThan(total);
    const texts = await visible.evaluateAll((es) => es.map((e) => (e as HTMLElement).dataset.filterText!.toLowerCase().replace(/_/g, ' ')));
    for (const t of texts) expect(t.includes('apicv') && t.includes('inhibit'), t).toBe(true);
    expect(await page.locator('.filter-status').textContent()).toBe(`${names.length} of ${total} symbols match`);
    // Letters with nothing left disappear from the A–Z row, and their sections with them.
    expect(await page.locator('.letter-index a:visible').count()).toBeLessThan(await page.locator('.letter-index a').count());
    await page.locator('#reference-filter-kind').selectOption('enum value');
    const kinds = await page.locator('.symbol-entry:visible .symbol-kind').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['enum value']));
    await page.locator('#reference-filter-kind').selectOption('');
    await page.locator('#reference-filter-text').fill('');
    expect(await page.locator('.symbol-entry:visible').count()).toBe(total);
    // The filter fetches nothing (the browser may still ask for the favicon on its own).
    expect(requests.filter((u) => !u.endsWith('/favicon.svg'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('symbols: the A–Z row jumps to a letter, and the intro reads as plain words', async () => {
    const { page } = await site.open('/symbols/');
    const lede = (await page.locator('.lede').textContent())!.replace(/\s+/g, ' ');
    expect(lede).toContain('on Elixir at v6.5');
    expect(lede).not.toContain('npm run');
    await page.locator('.letter-index a', { hasText: /^K$/ }).click();
    expect(new URL(page.url()).hash).toBe('#letter-k');
  });

  it('glossary: ?q= fills the filter, and a term can be found by its expansion', async () => {
    const { page } = await site.open('/glossary/?q=requesting%20virtual');
    expect(await page.locator('#reference-filter-text').inputValue()).toBe('requesting virtual');
    expect(await page.locator('.glossary-entry:visible h3').allTextContents()).toEqual(['RVI']);
    await page.locator('#reference-filter-text').fill('qwertyzzz');
    expect(await page.locator('.filter-status').textContent()).toBe('No term matches "qwertyzzz"');
  });

  it('at 375 px neither page scrolls sideways', async () => {
    for (const url of ['/symbols/', '/glossary/']) {
      const { page } = await site.open(url, { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
      expect(await sidewaysOverflow(page), url).toBeNull();
    }
  });
});
