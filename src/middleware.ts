import { defineMiddleware } from 'astro:middleware';
import { handOnRenderedPage } from './lib/search/renderedPages.ts';

// Each page is rewritten once as it is rendered, in the dev server as in a build, and in a build it also
// goes to the search index (src/lib/search/renderedPages.ts).
export const onRequest = defineMiddleware(async (context, next) => handOnRenderedPage(context.url.pathname, await next()));
