import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainedIn } from '../../src/lib/explainedIn.ts';
import { loadSite } from '../../src/lib/site.ts';
import { distPages } from './distSite.ts';

describe('explaining pages', () => {
  it("the symbol index says where a symbol with its own page: is explained, linking that heading", () => {
    const { site } = loadSite(resolve('content'));
    const index = distPages().find((p) => p.url === '/symbols/')!;
    const withPage = [...site.symbols.values()].filter((s) => s.data.page);
    expect(withPage.length).toBeGreaterThan(0);
    for (const symbol of withPage) {
      const entry = index.root.getElementById(symbol.data.name)?.closest('.symbol-entry');
      const explained = entry?.querySelectorAll('p').find((p) => p.text.startsWith('Explained in'));
      expect(explained?.querySelector('a.xref')?.getAttribute('href'), symbol.data.name).toBe(explainedIn(site, symbol.data.page!).url);
    }
  });
});
