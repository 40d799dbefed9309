import { describe, expect, it } from 'vitest';
import { distPages } from '../dist/distSite.ts';
import { pageReady, useSite } from './site.ts';

const urls = distPages().map((p) => p.url).filter((u) => u !== '/404.html');

const site = useSite();

describe('security and privacy in the browser', () => {
  it('no page requests another origin, violates its CSP or logs an error, with search and a preview opened', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    let current = '';
    page.on('request', (r) => {
      if (!r.url().startsWith(site.base) && !r.url().startsWith('data:')) problems.push(`${current}: request to ${r.url()}`);
    });
    page.on('console', (m) => m.type() === 'error' && problems.push(`${current}: console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${current}: ${e.message}`));
    await page.exposeFunction('reportViolation', (v: string) => problems.push(`${current}: CSP ${v}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    for (const url of urls) {
      current = url;
      await page.goto(site.base + url);
      await pageReady(page);
    }
    // Search (wasm, its script and stylesheet loaded on demand) and previews must also work under the policy.
    current = '/apicv/ (search)';
    await page.goto(`${site.base}/apicv/`);
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog.search-dialog[open] input:focus');
    await page.keyboard.type('posted');
    await page.locator('dialog.search-dialog [data-search-result]').first().waitFor();
    await page.keyboard.press('Escape');
    await page.locator('a.xref-page').first().hover();
    await page.locator('#link-preview').waitFor({ state: 'visible' });
    await context.close();
    expect(problems).toEqual([]);
  });

  it('search input carrying markup is shown as text, never run', async () => {
    const { page, errors } = await site.open('/search/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.waitForFunction(() => (document.querySelector('.search-status')?.textContent ?? '').includes('for “'));
    expect(await page.locator('.search-view-input').inputValue()).toBe('<img src=x onerror=alert(1)>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
  });
});
