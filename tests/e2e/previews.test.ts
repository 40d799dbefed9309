import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';

const site = useSite();

describe('link previews', () => {
  it('hovering a page link shows its title, topic and summary', async () => {
    const { page, errors } = await site.open('/apicv/');
    await page.locator('a.xref-page[data-preview="page:apic"]').first().hover();
    const preview = page.locator('#link-preview');
    await preview.waitFor({ state: 'visible' });
    expect(await preview.textContent()).toContain('The local APIC');
    expect(await preview.textContent()).toContain('Local APIC');
    expect(errors).toEqual([]);
  });

  it('keyboard focus shows the preview and links it for screen readers; Escape closes it', async () => {
    const { page } = await site.open('/apicv/');
    const link = page.locator('a.xref-term[data-preview="term:rvi"]').first();
    await link.focus();
    const preview = page.locator('#link-preview');
    await preview.waitFor({ state: 'visible' });
    expect(await link.getAttribute('aria-describedby')).toBe('link-preview');
    expect(await preview.textContent()).toContain('Requesting virtual interrupt');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
    expect(await link.getAttribute('aria-describedby')).toBeNull();
  });

  it('a kernel symbol shows its kind, file and links to Elixir', async () => {
    const { page } = await site.open('/kvm/');
    await page.locator('a.xref-sym[data-preview="sym:kvm_set_apicv_inhibit"]').first().hover();
    const preview = page.locator('#link-preview');
    await preview.waitFor({ state: 'visible' });
    expect(await preview.textContent()).toContain('arch/x86/include/asm/kvm_host.h');
    expect(await preview.locator('a').first().getAttribute('href')).toBe('https://elixir.bootlin.com/linux/v6.5/A/ident/kvm_set_apicv_inhibit');
  });

  it('on touch, the first tap previews and the second follows the link', async () => {
    const { page } = await site.open('/apicv/', { hasTouch: true, isMobile: true, viewport: { width: 375, height: 800 } });
    const link = page.locator('a.xref-page[data-preview="page:apic"]').first();
    await link.tap();
    await page.locator('#link-preview').waitFor({ state: 'visible' });
    expect(new URL(page.url()).pathname).toBe('/apicv/');
    await link.tap();
    await page.waitForURL('**/apic/');
  });

  it('showing a preview does not move the page content', async () => {
    const { page } = await site.open('/apicv/');
    const heading = page.locator('h2').first();
    const before = await heading.boundingBox();
    await page.locator('a.xref-page[data-preview="page:apic"]').first().hover();
    await page.locator('#link-preview').waitFor({ state: 'visible' });
    expect(await heading.boundingBox()).toEqual(before);
  });
});

describe('concept map', () => {
  it('every node is a link to its page', async () => {
    const { page } = await site.open('/map/');
    const nodes = page.locator('svg.graph a.node');
    const count = await nodes.count();
    expect(count).toBeGreaterThanOrEqual(8);
    const hrefs = await nodes.evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(hrefs).toContain('/rfc/');
    // Nodes are real links: reachable by keyboard and followed with Enter.
    await page.locator('svg.graph a.node[href="/rfc/"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/rfc/');
  });
});
