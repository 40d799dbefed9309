// Where am I, where next: the sidebar, the phone menu, the table of contents' scroll-spy, the one "Next"
// and the 404 page's suggestions, all operated from the keyboard.
import { describe, expect, it } from 'vitest';
import { sidewaysOverflow } from './sideways.ts';
import { useSite } from './site.ts';

const site = useSite();
const phone = { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true };
const desktop = { viewport: { width: 1280, height: 900 } };

/** Presses Tab until `selector` has focus (or gives up after `max` presses). */
async function tabTo(page: import('playwright-core').Page, selector: string, max = 60): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}

describe('sidebar', () => {
  it('lists the current topic in reading order, marks the current page and collapses the other topics', async () => {
    const { page, errors } = await site.open('/apicv/posted-interrupts/', desktop);
    const nav = page.locator('.page-shell > #site-nav');
    expect(await nav.isVisible()).toBe(true);
    expect(await nav.locator('[aria-current="page"]').textContent()).toBe('Posted interrupts');
    const current = nav.locator('.nav-topic.is-current');
    expect(await current.locator('> a').textContent()).toBe('Intel APICv');
    expect(await current.locator('ol a').count()).toBeGreaterThan(3);
    // Other topics: one link each, to their landing.
    expect(await nav.locator('.nav-topic:not(.is-current) ol').count()).toBe(0);
    expect(await nav.locator('.nav-topic:not(.is-current) > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain('/avic/');
    expect(errors).toEqual([]);
  });

  it('is reached by keyboard and follows a link with Enter', async () => {
    const { page } = await site.open('/apicv/posted-interrupts/', desktop);
    expect(await tabTo(page, '#site-nav a[href="/apicv/ipi-virtualization/"]')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/apicv/ipi-virtualization/');
    expect(await page.locator('#site-nav [aria-current="page"]').textContent()).toBe('IPI virtualization (IPIv)');
  });

  it('keeps the compact header in view while reading', async () => {
    const { page } = await site.open('/apicv/posted-interrupts/', desktop);
    await page.mouse.wheel(0, 4000);
    await page.waitForFunction(() => scrollY > 2000);
    const box = await page.locator('.site-header').boundingBox();
    expect(box!.y).toBe(0);
    expect(await page.locator('.site-header [data-search-open]').isVisible()).toBe(true);
  });
});

describe('phone menu', () => {
  it('opens by keyboard with the whole site tree, search and theme, traps focus, and Escape returns focus', async () => {
    const { page, errors } = await site.open('/rfc/outcome/', phone);
    // The current topic stays visible in the header.
    expect(await page.locator('.site-header .header-topic').textContent()).toBe('The RFC patch');
    expect(await tabTo(page, '[data-menu-open]')).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.locator('#site-menu');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('#site-nav [aria-current="page"]').textContent()).toBe('What became of the RFC');
    expect(await dialog.locator('[data-search-open]').isVisible()).toBe(true);
    expect(await dialog.locator('#theme-select').isVisible()).toBe(true);
    expect(await dialog.locator('.nav-topic > a').count()).toBe(7);
    // Tabbing never reaches the page behind the menu (the modal dialog makes it inert; focus may pass
    // through the browser's own UI, which shows here as the body, before it wraps).
    const inMenu: boolean[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => (document.activeElement === document.body ? 'browser' : document.querySelector('#site-menu')!.contains(document.activeElement) ? 'menu' : 'page'));
      expect(where).not.toBe('page');
      inMenu.push(where === 'menu');
    }
    expect(inMenu.filter(Boolean).length).toBeGreaterThan(30);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-menu-open'))).toBe(true);
    // The borrowed controls are back in the header (the dialog's close event, which returns them, is
    // dispatched in a task after the dialog is hidden).
    await expect.poll(() => page.locator('.site-header [data-search-open]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('keeps the site tree out of the page with scripts on, and after the page, reached by the menu link, without them', async () => {
    const withScripts = await site.open('/rfc/outcome/', phone);
    // Hidden from the first paint (the head's .js class), so phones never lay it out.
    expect(await withScripts.page.locator('.page-shell > #site-nav').isVisible()).toBe(false);
    const { page } = await site.open('/rfc/outcome/', { ...phone, javaScriptEnabled: false });
    const tree = page.locator('.page-shell > #site-nav');
    expect(await tree.isVisible()).toBe(true);
    expect(await page.locator('[data-menu-open]').getAttribute('href')).toBe('#site-nav');
    expect(await tree.evaluate((nav) => nav.getBoundingClientRect().top > document.querySelector('main')!.getBoundingClientRect().bottom - 1)).toBe(true);
  });

  it('changes the theme from inside the menu', async () => {
    const { page } = await site.open('/apic/', { ...phone, colorScheme: 'light' });
    await page.locator('[data-menu-open]').click();
    await page.locator('#site-menu #theme-select').selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.locator('.site-menu-close').click();
    await page.locator('#site-menu').waitFor({ state: 'hidden' });
  });
});

describe('table of contents', () => {
  it('marks the section being read', async () => {
    const { page } = await site.open('/apicv/posted-interrupts/', desktop);
    const links = page.locator('.toc a');
    const target = (await links.nth(2).getAttribute('href'))!;
    await page.locator(target).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.waitForFunction((href) => document.querySelector(`.toc a[href="${href}"]`)?.getAttribute('aria-current') === 'location', target);
    expect(await page.locator('.toc a[aria-current]').count()).toBe(1);
  });
});

describe('reading paths', () => {
  it('shows one Next, for the topic path by default and for the path the reader follows', async () => {
    const { page } = await site.open('/apicv/', desktop);
    const primary = page.locator('.prev-next .path-step.primary');
    expect(await primary.count()).toBe(1);
    expect(await primary.getAttribute('data-path')).toBe('topic-apicv');
    // Follow "Start here" from the page before, by its (small) link: it becomes the path shown first.
    await page.goto(`${site.base}/apic/why-virtualize/`);
    await page.locator('.path-step[data-path="start-here"] a.next').click();
    await page.waitForURL('**/apicv/');
    expect(await page.locator('.prev-next .path-step.primary').getAttribute('data-path')).toBe('start-here');
    expect(await page.locator('.prev-next .path-step.primary a.next').textContent()).toContain('The APIC-access page');
    // The other path is still one small link away.
    expect(await page.locator('.path-step[data-path="topic-apicv"] a.next').isVisible()).toBe(true);
    expect(await page.locator('.path-step[data-path="topic-apicv"] a.prev').isVisible()).toBe(false);
  });
});

describe('404', () => {
  it('suggests the closest pages and pre-fills the search with the address words', async () => {
    const { page } = await site.open('/apicv/posted-interrupt/');
    await page.locator('[data-did-you-mean] a').first().waitFor();
    expect(await page.locator('[data-did-you-mean] a').first().getAttribute('href')).toBe('/apicv/posted-interrupts/');
    expect(await page.locator('#q404').inputValue()).toBe('apicv posted interrupt');
  });
});

describe('no sideways scroll with the navigation', () => {
  for (const [name, options] of [['375 px', phone], ['1280 px', desktop]] as const) {
    it(`at ${name}, with the menu open where there is one`, async () => {
      const { page } = await site.open('/nested/apic-passthrough/', options);
      expect(await sidewaysOverflow(page)).toBeNull();
      if (await page.locator('[data-menu-open]').isVisible()) {
        await page.locator('[data-menu-open]').click();
        await page.locator('#site-menu').waitFor({ state: 'visible' });
        expect(await page.evaluate(() => { const d = document.querySelector('#site-menu')!; return d.scrollWidth <= d.clientWidth; })).toBe(true);
      }
    });
  }
});
