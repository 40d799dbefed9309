import { describe, expect, it } from 'vitest';
import { watchPolicy } from './pagePolicy.ts';
import { useSite } from './site.ts';

const site = useSite();

// That no page requests another origin, violates its CSP or logs an error is checked on every page
// as it is loaded for axe (everyPage.ts); here, the features that load more on demand.
describe('security and privacy in the browser', () => {
  it('search and a link preview, opened, request nothing from another origin, violate no CSP and log no error', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    // Search (wasm, its script and stylesheet loaded on demand) and previews must also work under the policy.
    let current = '/apicv/ (search)';
    const problems = await watchPolicy(page, site.base, () => current);
    await page.goto(`${site.base}/apicv/`);
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog.search-dialog[open] input:focus');
    await page.keyboard.type('posted');
    await page.locator('dialog.search-dialog [data-search-result]').first().waitFor();
    await page.keyboard.press('Escape');
    current = '/apicv/ (preview)';
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
