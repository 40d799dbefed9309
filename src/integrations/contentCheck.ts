import type { AstroIntegration } from 'astro';
import { loadSite } from '../lib/site.ts';
import { CONTENT_ROOT } from '../lib/project.ts';
import { ContentErrors } from '../lib/errors.ts';

/** Fails `astro build`/`astro dev` up front with every content error (file:line), before any page renders. */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'vapic-content-check',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const { site, errors } = loadSite(CONTENT_ROOT);
        if (errors.length) throw new ContentErrors(errors);
        logger.info(`content ok: ${site.pages.size} pages, ${site.terms.size} terms, ${site.symbols.size} symbols, ${site.sources.size} sources`);
      },
    },
  };
}
