import { describe, expect, it } from 'vitest';
import { everyPageHasNoViolations, newLightPage, violationsInBothSchemes } from './everyPage.ts';
import { reachExplainer } from './keyboard.ts';
import { afterPaint, pageReady, useSite } from './site.ts';

const site = useSite();

// Tests here run concurrently (each in its own context of the shared browser, up to the project's
// maxConcurrency) so that Chromium's work spreads over both cores while the file's other tests wait.
describe.concurrent('accessibility (axe-core, WCAG 2.2 AA) in light and dark mode', () => {
  // Two groups of pages in five: the explainers, menus and previews below make up the rest of this file's half.
  everyPageHasNoViolations(site, (group) => group % 5 < 2);

  it('an open link preview and the open search dialog with results have no violations', async () => {
    const page = await newLightPage(site);
    await page.goto(`${site.base}/apicv/`);
    await pageReady(page);
    await page.locator('a.xref-term').first().focus();
    await page.locator('#link-preview').waitFor({ state: 'visible' });
    const withPreview = await violationsInBothSchemes(page);
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog.search-dialog[open] input:focus');
    await page.keyboard.type('posted interrupt');
    await page.waitForFunction(() => (document.querySelector('dialog.search-dialog .search-status')?.textContent ?? '').includes('for “posted interrupt”'));
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    const withSearch = await violationsInBothSchemes(page);
    await page.context().close();
    expect([...withPreview.map((v) => `preview ${v}`), ...withSearch.map((v) => `search ${v}`)]).toEqual([]);
  });

  // Explainers after use: operate each one's controls from the keyboard, then check again.
  const explainerPages = ['/apicv/virtual-interrupt-delivery/', '/apicv/posted-interrupts/', '/avic/doorbell/', '/avic/exits/', '/nested/nested-vmx/', '/rfc/failure-scenario/', '/kvm/apicv-inhibits/'];
  it.each(explainerPages)('the interactive explainer on %s after use has no violations', async (url) => {
    const page = await newLightPage(site);
    await page.goto(site.base + url);
    await pageReady(page);
    await reachExplainer(page);
    const controls = page.locator('.doc-body button:visible:not(.copy-code), .doc-body select:visible, .doc-body input[type="radio"]:visible');
    // Operating one control may hide or replace others: use the ones still on the page.
    for (const handle of (await controls.elementHandles()).slice(0, 6)) {
      if (!(await handle.evaluate((e) => e.isConnected && (e as HTMLElement).offsetParent !== null))) continue;
      await handle.focus();
      await page.keyboard.press((await handle.evaluate((e) => (e as Element).tagName)) === 'SELECT' ? 'ArrowDown' : 'Space');
    }
    await afterPaint(page);
    const problems = await violationsInBothSchemes(page);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  // The navigation after use by keyboard: the phone menu open (site tree, search and theme), then the
  // desktop sidebar and table of contents after a keyboard jump to a section (scroll-spy marked).
  it('the phone menu, operated by keyboard, has no violations open or closed', async () => {
    const page = await newLightPage(site, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await page.goto(`${site.base}/nested/apic-passthrough/`);
    await pageReady(page);
    await page.locator('[data-menu-open]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#site-menu').waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    const open = await violationsInBothSchemes(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await page.locator('#site-menu').waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    const closed = await violationsInBothSchemes(page);
    await page.context().close();
    expect([...open.map((v) => `menu open: ${v}`), ...closed.map((v) => `menu closed: ${v}`)]).toEqual([]);
  });

  it('the sidebar and table of contents, after a keyboard jump to a section, have no violations', async () => {
    const page = await newLightPage(site, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.base}/nested/apic-passthrough/`);
    await pageReady(page);
    await page.locator('.toc a').nth(1).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.toc a[aria-current="location"]');
    await page.locator('#site-nav [aria-current="page"]').focus();
    const problems = await violationsInBothSchemes(page);
    await page.context().close();
    expect(problems.map((v) => `sidebar: ${v}`)).toEqual([]);
  });
});
