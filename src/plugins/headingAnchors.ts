import GithubSlugger from 'github-slugger';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';

/**
 * Gives h2-h4 a self-link. Ids use github-slugger over the heading text, exactly as the engine's
 * parseBody() computes anchors for cross-link checking (and as Astro's own heading ids do, which then
 * keep these). A factory: the slugger counts repeated headings within one page.
 */
export const headingAnchors: HastPluginEntry = () => {
  const slugger = new GithubSlugger();
  return defineHastPlugin({
    name: 'vapic-heading-anchors',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        const text = ctx.textContent(node);
        const id = typeof node.properties.id === 'string' ? node.properties.id : slugger.slug(text);
        ctx.setProperty(node, 'id', id);
        if (!/^h[2-4]$/.test(node.tagName)) return;
        ctx.appendChild(node, {
          type: 'element',
          tagName: 'a',
          properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to section: ${text}` },
          children: [],
        });
      },
    },
  });
};
