import type { Page, Site, Source } from './site.ts';

export interface LinkGraph {
  /** Page id -> ids of pages it links to, in first-link order, without itself. */
  outgoing: Map<string, string[]>;
  /** Page id -> ids of pages linking to it, sorted by id. */
  backlinks: Map<string, string[]>;
  /** Term id -> ids of pages that link to the term. */
  termUsage: Map<string, string[]>;
  /** Symbol name -> ids of pages that link to the symbol. */
  symbolUsage: Map<string, string[]>;
}

const pushUnique = <K>(map: Map<K, string[]>, key: K, value: string) => {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
};

export function buildLinkGraph(site: Site): LinkGraph {
  const graph: LinkGraph = { outgoing: new Map(), backlinks: new Map(), termUsage: new Map(), symbolUsage: new Map() };
  for (const id of site.pages.keys()) {
    graph.outgoing.set(id, []);
    graph.backlinks.set(id, []);
  }
  for (const page of site.pages.values()) {
    for (const link of page.resolved) {
      if (link.kind === 'page' && link.pageId !== page.id) {
        pushUnique(graph.outgoing, page.id, link.pageId);
        pushUnique(graph.backlinks, link.pageId, page.id);
      } else if (link.kind === 'term') pushUnique(graph.termUsage, link.termId, page.id);
      else if (link.kind === 'sym') pushUnique(graph.symbolUsage, link.name, page.id);
    }
  }
  for (const list of [...graph.backlinks.values(), ...graph.termUsage.values(), ...graph.symbolUsage.values()]) list.sort();
  return graph;
}

/**
 * The bibliography of one page, numbered: sources in order of first citation in the text,
 * then the remaining frontmatter sources in their listed order.
 */
export function pageCitations(site: Site, page: Page): Source[] {
  const ids: string[] = [];
  for (const link of page.resolved) if (link.kind === 'cite' && !ids.includes(link.sourceId)) ids.push(link.sourceId);
  for (const id of page.data.sources) if (!ids.includes(id)) ids.push(id);
  return ids.map((id) => site.sources.get(id)!).filter(Boolean);
}

/** How many times the page cites each source, so its Sources list can link back to every citation. */
export function citationCounts(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  for (const link of page.resolved) if (link.kind === 'cite') counts.set(link.sourceId, (counts.get(link.sourceId) ?? 0) + 1);
  return counts;
}

/**
 * The id of the `k`-th (1-based) citation of the page's source number `n`, the target of its back-link.
 * Short, because a page can carry dozens of citations.
 */
export const citationAnchor = (n: number, k: number) => `cite-${n}-${k}`;
