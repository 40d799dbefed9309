import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import rehypeScrollableTables, { LONG_TABLE_ROWS } from './rehypeScrollableTables.ts';

const el = (tagName: string, children: Element['children'] = []): Element => ({ type: 'element', tagName, properties: {}, children });
const table = (rows: number) => el('table', [
  el('thead', [el('tr', [el('th', [{ type: 'text', value: 'Name' }]), el('th', [{ type: 'text', value: 'Value' }])])]),
  el('tbody', Array.from({ length: rows }, () => el('tr', [el('td'), el('td')]))),
]);

/** Runs the plugin over tables and returns each wrapper's properties. */
function wrappers(...tables: Element[]) {
  const tree: Root = { type: 'root', children: tables };
  rehypeScrollableTables()(tree);
  return tree.children.map((c) => (c as Element).properties);
}

describe('rehypeScrollableTables', () => {
  it('wraps each table in a focusable region labelled by its columns, numbering repeats', () => {
    expect(wrappers(table(2), table(2))).toEqual([
      { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: 'Table: Name, Value' },
      { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: 'Table: Name, Value (2)' },
    ]);
  });

  it(`marks tables of ${LONG_TABLE_ROWS} or more body rows as long (sticky header on phones)`, () => {
    const [short, long] = wrappers(table(LONG_TABLE_ROWS - 1), table(LONG_TABLE_ROWS));
    expect(short!.className).toEqual(['table-scroll']);
    expect(long!.className).toEqual(['table-scroll', 'long']);
  });
});
