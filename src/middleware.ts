import { defineMiddleware } from 'astro:middleware';
import { handOnRenderedPage } from './lib/search/renderedPages.ts';

// During a build, each rendered page also goes to the search index (src/lib/search/renderedPages.ts).
export const onRequest = defineMiddleware(async (context, next) => handOnRenderedPage(context.url.pathname, await next()));
