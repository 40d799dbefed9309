// Checks the content tree (schemas, cross-links, sources) without building the site:
//   npm run check:content
import { loadSite } from '../src/lib/site.ts';
import { CONTENT_ROOT } from '../src/lib/project.ts';

const { site, errors } = loadSite(CONTENT_ROOT);
for (const error of errors) console.error(error.message);
console.log(`${site.pages.size} pages, ${site.terms.size} terms, ${site.symbols.size} symbols, ${site.sources.size} sources; ${errors.length} error(s)`);
process.exit(errors.length ? 1 : 0);
