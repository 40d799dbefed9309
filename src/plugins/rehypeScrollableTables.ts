import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Body rows from which a table counts as long: on phones it scrolls in a box of its own under a sticky header row. */
export const LONG_TABLE_ROWS = 10;

/**
 * Wraps each table in a focusable, labelled scroll region, so a table wider than a phone scrolls
 * inside itself and keyboard users can scroll it too (WCAG "scrollable region focusable"). Long tables
 * are marked `long`, so that on phones the region also scrolls vertically and the header row stays in view.
 */
export default function rehypeScrollableTables() {
  return (tree: Root) => {
    // Region labels must be unique on a page: number repeats.
    const used = new Map<string, number>();
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      if (parent.type === 'element' && (parent.properties.className as string[] | undefined)?.includes('table-scroll')) return;
      const header = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'thead');
      const firstRow = header?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'tr');
      const columns = firstRow?.children
        .filter((c): c is Element => c.type === 'element')
        .map((c) => c.children.map((t) => (t.type === 'text' ? t.value : '')).join('').trim())
        .filter(Boolean);
      const base = columns?.length ? `Table: ${columns.join(', ')}` : 'Table';
      const bodyRows = node.children
        .filter((c): c is Element => c.type === 'element' && c.tagName === 'tbody')
        .flatMap((b) => b.children.filter((r) => r.type === 'element' && r.tagName === 'tr')).length;
      const seen = (used.get(base) ?? 0) + 1;
      used.set(base, seen);
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: bodyRows >= LONG_TABLE_ROWS ? ['table-scroll', 'long'] : ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: seen > 1 ? `${base} (${seen})` : base },
        children: [node],
      };
      parent.children.splice(index, 1, wrapper);
    });
  };
}
