import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';

const site = useSite();

describe('link previews', () => {
  it('hovering a page link shows its title, topic and summary', async () => {
    const { page, errors } = await site.open('/apicv/');
    await page.locator('a.xref-page[href="/apic/"]').first().hover();
    const preview = page.locator('#link-preview');
    await preview.waitFor({ state: 'visible' });
    expect(await preview.textContent()).toContain('The local APIC');
    expect(await preview.textContent()).toContain('Local APIC');
    expect(errors).toEqual([]);
  });

  it('keyboard focus shows the preview and links it for screen readers; Escape closes it', async () => {
    const { page } = await site.open('/apicv/');
    const link = page.locator('a.xref-term[href="/glossary/#rvi"]').first();
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
    await page.locator('a.xref-sym[href="/symbols/#kvm_set_apicv_inhibit"]').first().hover();
    const preview = page.locator('#link-preview');
    await preview.waitFor({ state: 'visible' });
    expect(await preview.textContent()).toContain('arch/x86/include/asm/kvm_host.h');
    expect(await preview.locator('a').first().getAttribute('href')).toBe('https://elixir.bootlin.com/linux/v6.5/A/ident/kvm_set_apicv_inhibit');
  });

  it('on touch, the first tap previews and the second follows the link', async () => {
    const { page } = await site.open('/apicv/', { hasTouch: true, isMobile: true, viewport: { width: 375, height: 800 } });
    const link = page.locator('a.xref-page[href="/apic/"]').first();
    await link.tap();
    await page.locator('#link-preview').waitFor({ state: 'visible' });
    expect(new URL(page.url()).pathname).toBe('/apicv/');
    await link.tap();
    await page.waitForURL('**/apic/');
  });

  it('on touch, a tapped preview ends with a visible "Open page" action that follows the link', async () => {
    const { page } = await site.open('/apicv/', { hasTouch: true, isMobile: true, viewport: { width: 375, height: 800 } });
    await page.locator('a.xref-page[href="/apic/"]').first().tap();
    const open = page.locator('#link-preview a.preview-open');
    await open.waitFor({ state: 'visible' });
    expect(await open.textContent()).toBe('Open page →');
    await open.tap();
    await page.waitForURL('**/apic/');
  });

  it('focusing a citation previews its source: title, kind, version and the locator cited', async () => {
    const { page } = await site.open('/apicv/virtual-interrupt-delivery/');
    const cite = page.locator('a.cite', { hasText: ',' }).first();
    const source = (await cite.getAttribute('href'))!.slice('#source-'.length);
    await cite.focus();
    const preview = page.locator('#link-preview');
    await preview.waitFor({ state: 'visible' });
    const text = (await preview.textContent())!;
    const title = (await page.locator(`#source-${source} > a[rel]`).textContent())!;
    expect(text).toContain(title);
    expect(text).toMatch(/^Source · /);
    expect(text).toContain(`Cited here: ${/^\[\d+, (.*)\]$/s.exec((await cite.textContent())!)![1]}`);
    expect(text).toMatch(/Edition: |Version: |Commit |Message-ID /);
  });

  it('each Sources entry links back to its citations, and the marker it lands on is marked', async () => {
    const { page } = await site.open('/apicv/virtual-interrupt-delivery/');
    const back = page.locator('.sources span.cite-back a').first();
    const href = (await back.getAttribute('href'))!;
    await back.focus();
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe(href);
    expect(await page.locator(href).evaluate((el) => el.matches('a.cite:target'))).toBe(true);
  });

  for (const width of [375, 1280]) {
    it(`at ${width} px no citation marker starts a line and no punctuation after one does`, async () => {
      const { page } = await site.open('/guide/', { viewport: { width, height: 900 } });
      const broken = await page.locator('.doc-body a.cite').evaluateAll((cites) => {
        const lineOf = (r: DOMRect) => Math.round(r.top + r.height / 2);
        const bad: string[] = [];
        for (const cite of cites) {
          const rects = cite.getClientRects();
          const [prev, next] = [cite.previousSibling, cite.nextSibling];
          const charRect = (node: ChildNode | null, at: 'first' | 'last') => {
            if (!node || node.nodeType !== Node.TEXT_NODE || !node.textContent) return null;
            const range = document.createRange();
            const i = at === 'first' ? 0 : node.textContent.length - 1;
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            return range.getBoundingClientRect();
          };
          const before = charRect(prev, 'last');
          const after = next?.textContent && /^[.,;:)]/.test(next.textContent) ? charRect(next, 'first') : null;
          // Superscripts sit higher: same line means the rects overlap vertically.
          const overlaps = (a: DOMRect, b: DOMRect) => a.top < b.bottom && b.top < a.bottom;
          if (before && !overlaps(before, rects[0]!)) bad.push(`before ${cite.textContent} (${lineOf(before)} vs ${lineOf(rects[0]!)})`);
          if (after && !overlaps(after, rects[rects.length - 1]!)) bad.push(`after ${cite.textContent}`);
        }
        return bad;
      });
      expect(broken).toEqual([]);
    });
  }

  it('showing a preview does not move the page content', async () => {
    const { page } = await site.open('/apicv/');
    const heading = page.locator('h2').first();
    const before = await heading.boundingBox();
    await page.locator('a.xref-page[href="/apic/"]').first().hover();
    await page.locator('#link-preview').waitFor({ state: 'visible' });
    expect(await heading.boundingBox()).toEqual(before);
  });
});
