import { SOURCE_KIND_LABELS, TOPIC_LABELS } from '../schemas/topics.ts';
import { symbolElixirLinks } from './elixir.ts';
import type { SourceData } from '../schemas/source.ts';
import type { Site } from './site.ts';

export type Preview =
  | { type: 'page'; title: string; topic: string; summary: string }
  | { type: 'term'; title: string; expansion: string; definition: string }
  | { type: 'sym'; title: string; kind: string; file: string; summary: string; elixir: { version: string; url: string }[]; proposedBy?: string }
  | { type: 'source'; title: string; kind: string; details: string[] };

/** What pins a source, in reading order: the part used, then edition, version, commit, Message-ID, author, date. */
function sourceDetails(data: SourceData): string[] {
  return [
    data.section,
    data.edition && `Edition: ${data.edition}`,
    data.version && `Version: ${data.version}`,
    data.commit && `Commit ${data.commit.slice(0, 12)}`,
    data.messageId && `Message-ID ${data.messageId}`,
    data.author,
    data.date,
  ].filter((d): d is string => Boolean(d));
}

/** Pages whose entries are previewed one by one: a link's #fragment picks the entry. */
const ENTRY_INDEXES = ['/glossary/', '/symbols/'];

/**
 * The key of a link's preview, from where it points (so links carry no attribute of their own): a page's
 * path (`/apicv/posted-interrupts/`, also for links to a section of it), a glossary or symbol entry's path
 * and fragment (`/glossary/#rvi`), and `source:<id>` for a citation (`#source-<id>`).
 */
export function previewKey(link: { pathname: string; hash: string; citation: boolean }): string {
  if (link.citation) return `source:${link.hash.slice('#source-'.length)}`;
  return ENTRY_INDEXES.includes(link.pathname) ? `${link.pathname}${link.hash}` : link.pathname;
}

/** Cross-links and citations: the links that have previews. */
export const PREVIEW_LINKS = 'a.xref, a.cite';

/** All preview data, keyed by previewKey. */
export function buildPreviews(site: Site): Record<string, Preview> {
  const out: Record<string, Preview> = {};
  for (const page of site.pages.values()) {
    out[page.url] = { type: 'page', title: page.data.title, topic: TOPIC_LABELS[page.data.topic], summary: page.data.summary };
  }
  for (const term of site.terms.values()) {
    out[term.url] = { type: 'term', title: term.data.term, expansion: term.data.expansion, definition: term.data.definition };
  }
  for (const symbol of site.symbols.values()) {
    const { name, kind, file, summary, proposedBy } = symbol.data;
    out[symbol.url] = {
      type: 'sym', title: name, kind, file, summary,
      elixir: symbolElixirLinks(symbol).map(({ version, url }) => ({ version, url })),
      ...(proposedBy ? { proposedBy } : {}),
    };
  }
  for (const source of site.sources.values()) {
    out[`source:${source.id}`] = { type: 'source', title: source.data.title, kind: SOURCE_KIND_LABELS[source.data.kind], details: sourceDetails(source.data) };
  }
  return out;
}
