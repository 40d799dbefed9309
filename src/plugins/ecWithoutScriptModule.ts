// Expressive Code ships one script module on every page with code: it gives a code block that scrolls
// sideways a tab stop. src/scripts/copyCode.ts does the same inside the page's own module, so this drops
// Expressive Code's module: its <script> tag (from the blocks the integration and the <Code> component
// render) and the file itself. That saves every page with code a request and about 0.5 KiB.
import type { Element, ElementContent, Root } from 'hast';
import { createAstroRenderer, createRenderer } from 'astro-expressive-code';

type RendererOptions = Parameters<typeof createRenderer>[0] & {};
type AstroRendererArgs = Parameters<typeof createAstroRenderer>[0];

/** True for the module script tag Expressive Code puts before a page's first code block. */
export function isEcScriptTag(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'script' && /\/ec\.[\w-]+\.js$/.test(String(node.properties.src ?? ''));
}

/** Runs after astro-expressive-code's own hook, which adds the tag, because it is appended last. */
const dropScriptTag = {
  name: 'vapic-drop-ec-script-tag',
  hooks: {
    postprocessRenderedBlockGroup({ renderData }: { renderData: { groupAst: Root | Element } }) {
      renderData.groupAst.children = renderData.groupAst.children.filter((child) => !isEcScriptTag(child as ElementContent)) as typeof renderData.groupAst.children;
    },
  },
};

/** For ec.config.mjs: renderers whose output carries no Expressive Code script module. */
export const withoutEcScriptModule = {
  customCreateRenderer: (options: RendererOptions) => createRenderer({ ...options, plugins: [...(options.plugins ?? []), dropScriptTag] }),
  async customCreateAstroRenderer(args: AstroRendererArgs) {
    const renderer = await createAstroRenderer(args);
    // Emptied in place: the integration emits every file in this list as an asset.
    renderer.hashedScripts.length = 0;
    return renderer;
  },
};
