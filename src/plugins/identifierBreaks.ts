import type { ElementContent } from 'hast';
import { defineHastPlugin } from 'satteri';

// After "_" or "/" (not leading ones): where a kernel identifier or path may wrap, so that
// EXIT_REASON_EXTERNAL_INTERRUPT breaks into words in a narrow table column rather than letter by letter.
const BREAK_AFTER = /(?<=[^_/][_/]+)(?=[^_/])/;

/** Splits text at identifier boundaries with <wbr> elements, which add no characters to copy or search. */
export function withIdentifierBreaks(text: string): ElementContent[] {
  return text.split(BREAK_AFTER).flatMap((part, i): ElementContent[] => {
    const piece: ElementContent = { type: 'text', value: part };
    return i === 0 ? [piece] : [{ type: 'element', tagName: 'wbr', properties: {}, children: [] }, piece];
  });
}

/**
 * Inline code in running text gets break opportunities at identifier boundaries. Code blocks and tables
 * get none: a table keeps each identifier whole and scrolls sideways instead (see .table-scroll).
 */
export const identifierBreaks = defineHastPlugin({
  name: 'vapic-identifier-breaks',
  element: {
    filter: ['code'],
    visit(node, ctx) {
      for (let up = ctx.parent(node); up?.type === 'element'; up = ctx.parent(up)) {
        if (up.tagName === 'pre' || up.tagName === 'table') return;
      }
      for (const child of node.children) {
        if (child.type !== 'text') continue;
        const pieces = withIdentifierBreaks(child.value);
        if (pieces.length > 1) ctx.replaceNode(child, pieces);
      }
    },
  },
});
