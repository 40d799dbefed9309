import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';

/** Body rows from which a table counts as long: on phones it scrolls in a box of its own under a sticky header row. */
export const LONG_TABLE_ROWS = 10;

/**
 * Wraps each table in a focusable, labelled scroll region, so a table wider than a phone scrolls
 * inside itself and keyboard users can scroll it too (WCAG "scrollable region focusable"). Long tables
 * are marked `long`, so that on phones the region also scrolls vertically and the header row stays in view.
 * A factory: region labels must be unique on a page, so repeats are numbered per page.
 *
 * It works on the Markdown tree, where a table is its rows and the first row is the header: on the HTML
 * tree, reading the same from thead and tbody (and their line-break text nodes) cost the build about
 * 0.4 ms a table. The wrapper is a node of our own that becomes a div (`hName`). The line breaks that
 * the HTML conversion puts between rows and cells are removed when each page is rewritten
 * (tableWhitespace.ts, pageRewrites.ts).
 */
export const scrollableTables: MdastPluginEntry = () => {
  const used = new Map<string, number>();
  return defineMdastPlugin({
    name: 'vapic-scrollable-tables',
    table(node, ctx) {
      const [header, ...bodyRows] = node.children;
      const columns = (header?.children ?? []).map((cell) => ctx.textContent(cell).trim()).filter(Boolean);
      const base = columns.length ? `Table: ${columns.join(', ')}` : 'Table';
      const seen = (used.get(base) ?? 0) + 1;
      used.set(base, seen);
      ctx.wrapNode(node, {
        type: 'tableScroll',
        data: {
          hName: 'div',
          hProperties: {
            className: bodyRows.length >= LONG_TABLE_ROWS ? ['table-scroll', 'long'] : ['table-scroll'],
            role: 'region',
            tabIndex: 0,
            ariaLabel: seen > 1 ? `${base} (${seen})` : base,
          },
        },
        children: [],
      });
    },
  });
};
