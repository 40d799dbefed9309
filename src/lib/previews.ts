import { TOPIC_LABELS } from '../schemas/topics.ts';
import { symbolElixirLinks } from './elixir.ts';
import type { Site } from './site.ts';

export type Preview =
  | { type: 'page'; title: string; topic: string; summary: string }
  | { type: 'term'; title: string; expansion: string; definition: string }
  | { type: 'sym'; title: string; kind: string; file: string; summary: string; elixir: { version: string; url: string }[]; proposedBy?: string };

/** All preview data, keyed like the `data-preview` attribute of a cross-link (`page:<id>`, `term:<id>`, `sym:<name>`). */
export function buildPreviews(site: Site): Record<string, Preview> {
  const out: Record<string, Preview> = {};
  for (const page of site.pages.values()) {
    out[`page:${page.id}`] = { type: 'page', title: page.data.title, topic: TOPIC_LABELS[page.data.topic], summary: page.data.summary };
  }
  for (const term of site.terms.values()) {
    out[`term:${term.id}`] = { type: 'term', title: term.data.term, expansion: term.data.expansion, definition: term.data.definition };
  }
  for (const symbol of site.symbols.values()) {
    const { name, kind, file, summary, proposedBy } = symbol.data;
    out[`sym:${name}`] = {
      type: 'sym', title: name, kind, file, summary,
      elixir: symbolElixirLinks(symbol).map(({ version, url }) => ({ version, url })),
      ...(proposedBy ? { proposedBy } : {}),
    };
  }
  return out;
}
