/**
 * The one cross-link syntax writers use in MDX:
 *   [[apicv/posted-interrupts]]                 page (label = page title)
 *   [[apicv/posted-interrupts#descriptor|text]] heading on a page
 *   [[#descriptor|text]]                        heading on the same page
 *   [[term:RVI]]  [[term:RVI|requesting vector]] glossary term (term or alias, any case)
 *   [[sym:kvm_set_apicv_inhibit]]               kernel symbol
 *   [[cite:sdm-vol3]]  [[cite:sdm-vol3|§31.6]]  citation of a bibliography entry, with optional locator
 */
export type WikiLink =
  | { kind: 'page'; page: string | null; anchor: string | null; label: string | null }
  | { kind: 'term'; key: string; label: string | null }
  | { kind: 'sym'; name: string; label: string | null }
  | { kind: 'cite'; id: string; locator: string | null };

/** A cross-link may wrap across lines in the source: whitespace, newlines included, is allowed inside `[[…]]`. */
export const WIKILINK_PATTERN = /\[\[([^[\]]+?)\]\]/g;

/** Where a `[[` is left in text once every well-formed link is taken out: it would reach the reader as raw source. */
export function strayWikiLinkOpenings(text: string): number[] {
  const rest = text.replace(WIKILINK_PATTERN, (m) => ' '.repeat(m.length));
  return [...rest.matchAll(/\[\[/g)].map((m) => m.index);
}

/** Parses the inside of `[[...]]`; returns a string describing the problem when it is malformed. */
export function parseWikiLink(rawInner: string): WikiLink | string {
  // A link wrapped across source lines reads as if written on one line.
  const inner = rawInner.replace(/\s+/g, ' ');
  const bar = inner.indexOf('|');
  const target = (bar === -1 ? inner : inner.slice(0, bar)).trim();
  const label = bar === -1 ? null : inner.slice(bar + 1).trim() || null;
  if (!target) return `empty link target in [[${inner}]]`;

  const prefix = /^(term|sym|cite):(.*)$/.exec(target);
  if (prefix) {
    const [, kind, rest] = prefix;
    const value = rest!.trim();
    if (!value) return `missing ${kind} name in [[${inner}]]`;
    if (kind === 'term') return { kind: 'term', key: value, label };
    if (kind === 'sym') return { kind: 'sym', name: value, label };
    return { kind: 'cite', id: value, locator: label };
  }
  if (/^[a-z]+:/.test(target)) return `unknown link prefix in [[${inner}]]; use term:, sym: or cite:`;

  const hash = target.indexOf('#');
  const page = (hash === -1 ? target : target.slice(0, hash)).replace(/^\/+|\/+$/g, '');
  const anchor = hash === -1 ? null : target.slice(hash + 1);
  if (anchor === '') return `empty anchor in [[${inner}]]`;
  return { kind: 'page', page: page || null, anchor, label };
}

/**
 * Every `[[` in a built HTML page outside code, scripts and styles, with its line in the HTML file: a
 * cross-link that reached the reader as raw source. Code elements are blanked line for line so line numbers hold.
 */
export function leakedWikiLinks(html: string): { line: number; excerpt: string }[] {
  const text = html.replace(/<(pre|code|script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, (m) => m.replace(/[^\n]/g, ' '));
  return [...text.matchAll(/\[\[/g)].map((m) => ({
    line: (text.slice(0, m.index).match(/\n/g)?.length ?? 0) + 1,
    excerpt: text.slice(m.index, m.index + 60).split('\n')[0]!,
  }));
}
