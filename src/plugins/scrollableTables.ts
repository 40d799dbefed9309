import type { Element } from 'hast';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';

/** Body rows from which a table counts as long: on phones it scrolls in a box of its own under a sticky header row. */
export const LONG_TABLE_ROWS = 10;

const elements = (node: Element, tagName: string) => node.children.filter((c): c is Element => c.type === 'element' && c.tagName === tagName);
const isBlank = (c: Element['children'][number]) => c.type === 'text' && !c.value.trim();

/**
 * Wraps each table in a focusable, labelled scroll region, so a table wider than a phone scrolls
 * inside itself and keyboard users can scroll it too (WCAG "scrollable region focusable"). Long tables
 * are marked `long`, so that on phones the region also scrolls vertically and the header row stays in view.
 * A factory: region labels must be unique on a page, so repeats are numbered per page.
 */
export const scrollableTables: HastPluginEntry = () => {
  const used = new Map<string, number>();
  return defineHastPlugin({
    name: 'vapic-scrollable-tables',
    element: {
      filter: ['table'],
      visit(node, ctx) {
        const parent = ctx.parent(node);
        if (parent.type === 'element' && (parent.properties.className as string[] | undefined)?.includes('table-scroll')) return;
        const firstRow = elements(node, 'thead').flatMap((h) => elements(h, 'tr'))[0];
        const columns = (firstRow ? firstRow.children.filter((c): c is Element => c.type === 'element') : [])
          .map((c) => ctx.textContent(c).trim())
          .filter(Boolean);
        const base = columns.length ? `Table: ${columns.join(', ')}` : 'Table';
        const bodyRows = elements(node, 'tbody').flatMap((b) => elements(b, 'tr')).length;
        // The parser keeps the line breaks between rows and cells as text; a table renders none of it.
        for (const part of [node, ...elements(node, 'thead'), ...elements(node, 'tbody')]) {
          for (const c of part.children) if (isBlank(c)) ctx.removeNode(c);
          for (const row of elements(part, 'tr')) for (const c of row.children) if (isBlank(c)) ctx.removeNode(c);
        }
        const seen = (used.get(base) ?? 0) + 1;
        used.set(base, seen);
        ctx.wrapNode(node, {
          type: 'element',
          tagName: 'div',
          properties: { className: bodyRows >= LONG_TABLE_ROWS ? ['table-scroll', 'long'] : ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: seen > 1 ? `${base} (${seen})` : base },
          children: [],
        });
      },
    },
  });
};
