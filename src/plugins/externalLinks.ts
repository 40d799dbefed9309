import { defineHastPlugin } from 'satteri';

/** Links that leave the site get rel="noopener noreferrer" (no referrer leaks, no window.opener). */
export const externalLinks = defineHastPlugin({
  name: 'vapic-external-links',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      const href = node.properties.href;
      if (typeof href === 'string' && /^(https?:)?\/\//.test(href)) ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
    },
  },
});
