import type { Site } from './site.ts';
import type { WikiLink } from './wikiLink.ts';

export type ResolvedLink =
  | { kind: 'page'; href: string; label: string; pageId: string; anchor: string | null }
  | { kind: 'term'; href: string; label: string; termId: string }
  | { kind: 'sym'; href: string; label: string; name: string }
  | { kind: 'cite'; href: string; sourceId: string; locator: string | null };

export type Resolution = { ok: true; link: ResolvedLink } | { ok: false; message: string };

/** Resolves a parsed cross-link against the site; `fromPage` is the id of the page it appears on. */
export function resolveWikiLink(site: Site, link: WikiLink, fromPage: string | null): Resolution {
  switch (link.kind) {
    case 'page': {
      const pageId = link.page ?? fromPage;
      if (!pageId) return { ok: false, message: 'a same-page anchor needs a page' };
      const page = site.pages.get(pageId);
      if (!page) return { ok: false, message: `unknown page "${pageId}"` };
      let label = link.label ?? page.data.title;
      if (link.anchor) {
        const heading = page.headings.find((h) => h.slug === link.anchor);
        if (!heading) {
          const known = page.headings.map((h) => h.slug).join(', ') || 'none';
          return { ok: false, message: `unknown anchor "#${link.anchor}" on page "${pageId}" (headings: ${known})` };
        }
        label = link.label ?? heading.text;
      }
      const href = link.page === null ? `#${link.anchor}` : `${page.url}${link.anchor ? `#${link.anchor}` : ''}`;
      return { ok: true, link: { kind: 'page', href, label, pageId, anchor: link.anchor } };
    }
    case 'term': {
      const term = site.termKeys.get(link.key.toLowerCase());
      if (!term) return { ok: false, message: `unknown glossary term "${link.key}"` };
      return { ok: true, link: { kind: 'term', href: term.url, label: link.label ?? term.data.term, termId: term.id } };
    }
    case 'sym': {
      const symbol = site.symbols.get(link.name);
      if (!symbol) return { ok: false, message: `unknown kernel symbol "${link.name}" (add content/symbols/${link.name}.yaml)` };
      return { ok: true, link: { kind: 'sym', href: symbol.url, label: link.label ?? link.name, name: link.name } };
    }
    case 'cite': {
      if (!site.sources.has(link.id)) return { ok: false, message: `unknown source id "${link.id}" (no content/sources/${link.id}.yaml)` };
      return { ok: true, link: { kind: 'cite', href: `#source-${link.id}`, sourceId: link.id, locator: link.locator } };
    }
  }
}
