import type { PhrasingContent } from 'mdast';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import { ContentError } from '../lib/errors.ts';
import { citationAnchor, pageCitations } from '../lib/linkGraph.ts';
import { getProject, CONTENT_ROOT } from '../lib/project.ts';
import { resolveWikiLink } from '../lib/resolveWikiLink.ts';
import { pageIdFromPath } from '../lib/site.ts';
import { parseWikiLink, strayWikiLinkOpenings, WIKILINK_PATTERN } from '../lib/wikiLink.ts';

/**
 * Sätteri adapter: turns `[[...]]` cross-links into links the engine has resolved. A factory, run once
 * per page: it numbers citations in document order.
 */
export const wikiLinks: MdastPluginEntry = ({ fileURL }) => {
  const file = fileURL ? fileURLToPath(fileURL) : 'unknown file';
  const path = fileURL ? relative(`${CONTENT_ROOT}${sep}docs`, file) : '';
  const project = getProject();
  const page = path && !path.startsWith('..') ? project.site.pages.get(pageIdFromPath(path)) : undefined;
  const citations = page ? pageCitations(project.site, page).map((s) => s.id) : [];
  // Citations of each source so far, in document order: the ids the Sources list links back to.
  const citedTimes = new Map<string, number>();

  return defineMdastPlugin({
    name: 'vapic-wiki-links',
    options: { position: true },
    text(node, ctx) {
      if (!node.value.includes('[[')) return;
      const lineOf = (at: number) => (node.position?.start.line ?? 0) + (node.value.slice(0, at).match(/\n/g)?.length ?? 0);
      const [stray] = strayWikiLinkOpenings(node.value);
      if (stray !== undefined) throw new ContentError(file, lineOf(stray) || undefined, '"[[" opens no cross-link; it would show as raw text');
      const out: PhrasingContent[] = [];
      let last = 0;
      for (const m of node.value.matchAll(WIKILINK_PATTERN)) {
        const line = lineOf(m.index);
        const fail = (message: string): never => {
          throw new ContentError(file, line || undefined, `${m[0].replace(/\s+/g, ' ')}: ${message}`);
        };
        if (!page) return fail('cross-links work only in pages under content/docs/');
        const parsed = parseWikiLink(m[1]!);
        if (typeof parsed === 'string') return fail(parsed);
        const result = resolveWikiLink(project.site, parsed, page.id);
        if (!result.ok) return fail(result.message);
        const link = result.link;
        const before = node.value.slice(last, m.index);
        // A citation marker stays on the line of the word it follows: a no-break space instead of a space.
        const text = link.kind === 'cite' ? before.replace(/\s+$/, '\u00a0') : before;
        if (text) out.push({ type: 'text', value: text });
        last = m.index + m[0].length;
        if (link.kind === 'cite') {
          const n = citations.indexOf(link.sourceId) + 1;
          const k = (citedTimes.get(link.sourceId) ?? 0) + 1;
          citedTimes.set(link.sourceId, k);
          out.push({
            type: 'link',
            url: link.href,
            children: [{ type: 'text', value: `[${n}${link.locator ? `, ${link.locator}` : ''}]` }],
            data: { hProperties: { className: ['cite'], id: citationAnchor(n, k) } },
          } as PhrasingContent);
          continue;
        }
        out.push({
          type: 'link',
          url: link.href,
          children: [link.kind === 'sym' && parsed.kind === 'sym' && !parsed.label ? { type: 'inlineCode', value: link.label } : { type: 'text', value: link.label }],
          data: { hProperties: { className: ['xref', `xref-${link.kind}`] } },
        } as PhrasingContent);
      }
      if (!out.length) return;
      if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
      ctx.replaceNode(node, out);
    },
  });
};
