import type { Page, Site } from './site.ts';

/**
 * Query-time weights for Pagefind meta fields. Aliases carry acronyms and expansions so that a
 * query like "AVIC" ranks the page about AVIC first rather than prefix matches of short words.
 */
export const SEARCH_RANKING = { metaWeights: { title: 8, aliases: 10, summary: 3 } } as const;

/** Alias meta for a page: its own aliases plus glossary terms that it explains. */
export function pageSearchAliases(site: Site, page: Page): string[] {
  const fromTerms = [...site.terms.values()]
    .filter((t) => t.data.page.split('#')[0] === page.id)
    .flatMap((t) => [t.data.term, t.data.expansion, ...t.data.aliases]);
  return [...new Set([...page.data.aliases, ...fromTerms])];
}
