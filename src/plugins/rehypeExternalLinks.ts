import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Links that leave the site get rel="noopener noreferrer" (no referrer leaks, no window.opener). */
export default function rehypeExternalLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (typeof href === 'string' && /^(https?:)?\/\//.test(href)) node.properties.rel = ['noopener', 'noreferrer'];
    });
  };
}
