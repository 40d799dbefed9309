import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

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
export default function rehypeIdentifierBreaks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'pre' || node.tagName === 'table') return SKIP;
      if (node.tagName !== 'code') return;
      node.children = node.children.flatMap((child) => (child.type === 'text' ? withIdentifierBreaks(child.value) : [child]));
      return SKIP;
    });
  };
}
