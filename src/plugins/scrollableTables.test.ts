import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { LONG_TABLE_ROWS, scrollableTables } from './scrollableTables.ts';

const table = (rows: number) => ['| Name | `pi_desc` member |', '|---|---|', ...Array.from({ length: rows }, () => '| a | b |')].join('\n');

/** Renders Markdown tables with the plugin and returns each wrapper's opening tag. */
const render = async (markdown: string) => (await markdownToHtml(markdown, { mdastPlugins: [scrollableTables] })).html;
const wrappers = async (...tables: string[]) => (await render(tables.join('\n\n'))).match(/<div [^>]*>/g);

describe('scrollableTables', () => {
  it('wraps each table in a focusable region labelled by its columns (code included), numbering repeats', async () => {
    expect(await wrappers(table(2), table(2))).toEqual([
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Name, pi_desc member">',
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Name, pi_desc member (2)">',
    ]);
  });

  it(`marks tables of ${LONG_TABLE_ROWS} or more body rows as long (sticky header on phones)`, async () => {
    const [short, long] = (await wrappers(table(LONG_TABLE_ROWS - 1), table(LONG_TABLE_ROWS)))!;
    expect(short).toContain('class="table-scroll"');
    expect(long).toContain('class="table-scroll long"');
  });
});
