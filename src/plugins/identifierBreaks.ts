import type { ElementContent } from 'hast';
import { defineHastPlugin } from 'satteri';
import { identifierParts } from '../lib/identifierBreaks.ts';

/** Splits text at identifier boundaries (src/lib/identifierBreaks.ts) with <wbr> elements. */
export function withIdentifierBreaks(text: string): ElementContent[] {
  return identifierParts(text).flatMap((part, i): ElementContent[] => {
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
