import type { AstroIntegration } from 'astro';
import { freezeProject, getProject } from '../lib/project.ts';

/**
 * Fails `astro build`/`astro dev` up front with every content error (file:line), before any page
 * renders. The checked project it loads is the one every page then reuses (see getProject).
 */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'vapic-content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'build') freezeProject();
        const { site } = getProject();
        logger.info(`content ok: ${site.pages.size} pages, ${site.terms.size} terms, ${site.symbols.size} symbols, ${site.sources.size} sources`);
      },
    },
  };
}
