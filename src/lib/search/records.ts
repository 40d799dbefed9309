// What goes into the search index besides the pages: one record per glossary term and per kernel
// symbol, each with its own URL (its entry on /glossary/ or /symbols/), so a search for "RVI" or
// "kvm_set_apicv_inhibit" finds the entry itself rather than a sub-result of one long page. Their
// meta carries what an answer card shows. Pagefind indexes every meta field's words, so what a card can
// work out for itself stays out: the record's kind and topic are its filters (recordKindOf), and a
// symbol's Elixir link comes from its name (symbolElixirUrl); as meta, the link's words ("https",
// "elixir", "ident") were on all 300 symbol records and a search for "elixir" found every one of them.
// Also the cleaned copy of a page's HTML that is indexed.
import { elixirIdentUrl } from '../elixir.ts';
import type { LinkGraph } from '../linkGraph.ts';
import { pageSearchAliases, type SearchAcronyms } from '../searchMeta.ts';
import { explainedIn } from '../explainedIn.ts';
import type { Page, Site } from '../site.ts';
import { KIND_LABELS, TOPIC_LABELS, VENDOR_LABELS, type ELIXIR_VERSIONS } from '../../schemas/topics.ts';
import { escapeHtml } from './excerpt.ts';

export const RECORD_KIND = { term: 'Glossary term', symbol: 'Kernel symbol' } as const;
type RecordKind = (typeof RECORD_KIND)[keyof typeof RECORD_KIND];

/** A term's or symbol's record kind, from its `kind` filter; undefined for a page. */
export const recordKindOf = (filters: Record<string, string[] | undefined>): RecordKind | undefined =>
  filters.kind?.find((k): k is RecordKind => k === RECORD_KIND.term || k === RECORD_KIND.symbol);

/** The kernel version a symbol card's Elixir link shows, one of the symbol index's. */
export const SYMBOL_CARD_ELIXIR_VERSION: (typeof ELIXIR_VERSIONS)[number] = 'v6.12';
/** A symbol card's Elixir link; the card shows none for a symbol only a proposed patch adds. */
export const symbolElixirUrl = (name: string) => elixirIdentUrl(SYMBOL_CARD_ELIXIR_VERSION, name);

/** The shape of Pagefind's custom record (its Node API's CustomRecord). */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'en';
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const pageFilters = (page: Page) => ({
  topic: [TOPIC_LABELS[page.data.topic]],
  vendor: [VENDOR_LABELS[page.data.vendor]],
});

/**
 * The page a symbol's card says it is "explained in", with the URL to link: the symbol's own `page:`
 * when it names one (a page id, optionally with #anchor; checked when the content loads), else of the
 * pages that cross-link it, the one that names it most, by cross-link or in inline code
 * (`kvm_faultin_pfn()`). Cross-links alone tie often (most pages link a symbol once), and a table row
 * that links it would then win by its id.
 */
export function explainingPage(site: Site, graph: LinkGraph, name: string): { page: Page; url: string } | undefined {
  const own = site.symbols.get(name)?.data.page;
  if (own) return explainedIn(site, own);
  const users = (graph.symbolUsage.get(name) ?? []).map((id) => site.pages.get(id)!);
  const count = (p: Page) =>
    p.resolved.filter((l) => l.kind === 'sym' && l.name === name).length + p.inlineCode.filter((c) => c === name || c === `${name}()`).length;
  const page = users.sort((a, b) => count(b) - count(a) || a.id.localeCompare(b.id))[0];
  return page && { page, url: page.url };
}

export function searchRecords(site: Site, graph: LinkGraph): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const term of site.terms.values()) {
    const { data } = term;
    const { page, url: pageUrl } = explainedIn(site, data.page);
    records.push({
      url: term.url,
      content: [`${data.term}: ${data.expansion}.`, data.definition, data.aliases.length ? `Also called ${data.aliases.join(', ')}.` : ''].filter(Boolean).join(' '),
      language: 'en',
      meta: {
        title: data.term,
        expansion: data.expansion,
        definition: data.definition,
        aliases: data.aliases.join(', '),
        page_title: page.data.title,
        page_url: pageUrl,
      },
      filters: { ...pageFilters(page), kind: [RECORD_KIND.term] },
    });
  }
  for (const symbol of site.symbols.values()) {
    const { data } = symbol;
    const explained = explainingPage(site, graph, data.name);
    records.push({
      url: symbol.url,
      content: `${data.name}: ${data.kind} in ${data.file}. ${data.summary}`,
      language: 'en',
      meta: {
        title: data.name,
        symbol_kind: data.kind,
        file: data.file,
        summary: data.summary,
        ...(data.proposedBy ? { proposed_by: data.proposedBy } : {}),
        ...(explained ? { page_title: explained.page.data.title, page_url: explained.url } : {}),
      },
      filters: { ...(explained ? pageFilters(explained.page) : {}), kind: [RECORD_KIND.symbol] },
    });
  }
  return records;
}

/**
 * What the index knows about a page beyond its text: filters (topic, vendor, kind) and weighted meta
 * (summary, aliases, acronyms, the questions it answers; weights in PAGEFIND_OPTIONS). Given to Pagefind
 * with the indexed copy of the page instead of being written into every page's HTML.
 */
export interface PageIndexFields {
  filters: Record<string, string>;
  meta: Record<string, string>;
}

export function pageIndexFields(site: Site, acronyms: Map<string, SearchAcronyms>, page: Page): PageIndexFields {
  const { data } = page;
  const names = acronyms.get(page.id) ?? { acronyms: [], extended: [] };
  const aliases = pageSearchAliases(site, page);
  const meta: Record<string, string> = { summary: data.summary };
  if (aliases.length) meta.aliases = aliases.join(', ');
  if (names.acronyms.length) meta.acronyms = names.acronyms.join(' ');
  if (names.extended.length) meta.extended_acronyms = names.extended.join(' ');
  if (data.questions.length) meta.questions = data.questions.join(' ');
  return { filters: { topic: TOPIC_LABELS[data.topic], vendor: VENDOR_LABELS[data.vendor], kind: KIND_LABELS[data.kind] }, meta };
}

/**
 * The copy of a built page that is indexed: citation markers ("[1, §29.6]") removed, with the space
 * before them, so excerpts read as prose, a space between table cells so "Bits" and "Field" do not run
 * together as "BitsField", and the page's index fields (pageIndexFields) as Pagefind's hidden filter and
 * meta elements.
 */
export function htmlForIndex(html: string, fields?: PageIndexFields): string {
  const cleaned = html
    // With the space before it: pages put one before each marker, so "mode [1], and" would leave
    // "mode , and", and an excerpt that starts there would start with the comma.
    .replace(/\s*<a\b[^>]*\bclass="cite"[^>]*>[^<]*<\/a>/g, '')
    .replace(/<\/(td|th)>/g, '</$1> ')
    .replace(/<\/tr>/g, '</tr> ');
  if (!fields) return cleaned;
  const tags = [
    ...Object.entries(fields.filters).map(([k, v]) => `<span hidden data-pagefind-filter="${escapeHtml(`${k}:${v}`)}"></span>`),
    ...Object.entries(fields.meta).map(([k, v]) => `<span hidden data-pagefind-meta="${escapeHtml(`${k}:${v}`)}"></span>`),
  ].join('');
  const body = /<[a-z]+\b[^>]*\bdata-pagefind-body\b[^>]*>/.exec(cleaned);
  if (!body) throw new Error('htmlForIndex: the page has no data-pagefind-body element to carry its index fields');
  const at = body.index + body[0].length;
  return cleaned.slice(0, at) + tags + cleaned.slice(at);
}
