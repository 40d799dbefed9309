import type { Page, Site, Term } from './site.ts';

/**
 * Options for every Pagefind instance (search dialog, search page, tests, bench).
 * `ranking.metaWeights`: Pagefind matches meta by prefix and boosts every page whose field covers the
 * query, so the decisive field is `acronyms`: single tokens that name what the page is about (see
 * searchAcronyms). `aliases` holds phrases.
 * `questions` holds the questions a page says it answers. `termSimilarity` at its maximum ranks a word
 * typed in full ("HYPERV") above longer words it is a prefix of ("hypervisor"). `pageLength` is low
 * because glossary terms and kernel symbols are records of a sentence or two: with the default, their
 * brevity alone ranked them above the pages that explain a constant at length.
 * `noWorker`: on an index this size a query takes a few milliseconds on the main thread, while the
 * worker costs a 12 KiB script and a round trip before the first result.
 */
/** Query parameter that carries the searched words to the page a result opens, for highlighting. */
export const HIGHLIGHT_PARAM = 'highlight';

export const PAGEFIND_OPTIONS = {
  ranking: { termSimilarity: 10, pageLength: 0.1, metaWeights: { title: 8, acronyms: 100, extended_acronyms: 30, aliases: 10, questions: 6, summary: 3 } },
  noWorker: true,
} as const;

// One word with no joiners: Pagefind also indexes the parts of "kvm_apicv_inhibit", which would
// boost that page for "apicv".
const isToken = (s: string) => /^[A-Za-z0-9]+$/.test(s);
// Pagefind also splits "x2AVIC" at the digit, so the query "AVIC" would match it.
const hasParts = (s: string) => /\d/.test(s);

// The glossary terms each page explains, grouped once per site: asked for every page, a scan of every
// term per page cost a 2,000-page build about 0.25 s.
const termsByPage = new WeakMap<Site, Map<string, Term[]>>();
function termsExplainedBy(site: Site, pageId: string): Term[] {
  let byPage = termsByPage.get(site);
  if (!byPage) {
    byPage = new Map();
    for (const term of site.terms.values()) {
      const id = term.data.page.split('#')[0]!;
      byPage.set(id, [...(byPage.get(id) ?? []), term]);
    }
    termsByPage.set(site, byPage);
  }
  return byPage.get(pageId) ?? [];
}

/** Names of a page: its aliases plus the glossary terms it explains (term, expansion, aliases). */
export function pageSearchAliases(site: Site, page: Page): string[] {
  const fromTerms = termsExplainedBy(site, page.id).flatMap((t) => [t.data.term, t.data.expansion, ...t.data.aliases]);
  return [...new Set([...page.data.aliases, ...fromTerms])];
}

export interface SearchAcronyms {
  /** Letters-only tokens no shorter token of another page is a prefix of: safe to weight heavily. */
  acronyms: string[];
  /**
   * Tokens that extend another page's token ("APICv" extends "APIC") or contain digits ("x2AVIC").
   * Pagefind matches meta by prefix and by word part, so the query "APIC" also boosts them; a lower
   * weight keeps "APIC" on its own page while "APICv" still finds this one.
   */
  extended: string[];
}

/** Single-token names (acronyms, identifiers) of each page, split by how safely they can be boosted. */
export function searchAcronyms(site: Site): Map<string, SearchAcronyms> {
  const own = new Map<string, string[]>();
  for (const page of site.pages.values()) own.set(page.id, pageSearchAliases(site, page).filter(isToken));
  const all = [...own.entries()].flatMap(([id, tokens]) => tokens.map((t) => ({ id, t: t.toLowerCase() })));
  const extendsOther = (id: string, token: string) => {
    const t = token.toLowerCase();
    return hasParts(t) || all.some((o) => o.id !== id && t !== o.t && t.startsWith(o.t));
  };
  const result = new Map<string, SearchAcronyms>();
  for (const [id, tokens] of own) {
    result.set(id, { acronyms: tokens.filter((t) => !extendsOther(id, t)), extended: tokens.filter((t) => extendsOther(id, t)) });
  }
  return result;
}
