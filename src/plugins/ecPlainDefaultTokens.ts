// Expressive Code plugin: a token coloured like the code block's own text in every theme (spaces,
// punctuation, plain identifiers) loses its wrapper span and inherits that colour from the line. Expressive
// Code styles every token inline (`style="--0:#24292E;--1:#E1E4E8"`), and these default-coloured ones are
// a large share of each code block's HTML.
import type { Element, ElementContent } from 'hast';

/** The inline style Expressive Code gives a token in the text colour of every style variant. */
export function defaultTokenStyle(foregrounds: string[]): string {
  return foregrounds.map((colour, i) => `--${i}:${colour}`).join(';').toLowerCase();
}

/** Replaces each span whose only property is the default token style by its children, throughout `node`. */
export function unwrapDefaultTokens(node: Element, defaultStyle: string): void {
  node.children = node.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child];
    unwrapDefaultTokens(child, defaultStyle);
    const keys = Object.keys(child.properties);
    const plain = child.tagName === 'span' && keys.length === 1 && String(child.properties.style).toLowerCase() === defaultStyle;
    return plain ? child.children : [child];
  });
}

interface StyleVariantLike {
  theme: { fg: string; colors: Record<string, string | undefined> };
}

export function ecPlainDefaultTokens() {
  return {
    name: 'vapic-plain-default-tokens',
    hooks: {
      postprocessRenderedLine({ renderData, styleVariants }: { renderData: { lineAst: Element }; styleVariants: StyleVariantLike[] }) {
        const style = defaultTokenStyle(styleVariants.map((v) => v.theme.colors['editor.foreground'] ?? v.theme.fg));
        unwrapDefaultTokens(renderData.lineAst, style);
      },
    },
  };
}
