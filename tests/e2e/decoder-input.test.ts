import { describe, expect, it } from 'vitest';
import { reachExplainer } from './keyboard.ts';
import { afterPaint, useSite } from './site.ts';

// Pages whose explainers take free text; every text field on them gets markup as input.
const pages = ['/kvm/apicv-inhibits/', '/avic/exits/', '/avic/vmcb-fields/', '/avic/physical-id-table/', '/apicv/apic-access-page/', '/apicv/posted-interrupts/'];
const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

const site = useSite();

describe('decoder inputs carrying markup', () => {
  it.each(pages)('%s renders them as text and runs nothing', async (url) => {
    const { page, errors } = await site.open(url);
    await reachExplainer(page);
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    const fields = page.locator('.doc-body input[type="text"]:visible, .doc-body textarea:visible');
    const count = await fields.count();
    expect(count, `${url} has no text inputs`).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      await fields.nth(i).fill(payload);
      await fields.nth(i).press('Enter');
    }
    await afterPaint(page);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0)).toBe(0);
    expect(await page.locator('.doc-body img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
  });
});
