import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageSchema } from './schemas/page.ts';
import { sourceSchema } from './schemas/source.ts';
import { symbolSchema } from './schemas/symbol.ts';
import { termSchema } from './schemas/term.ts';
import { pageIdFromPath } from './lib/site.ts';

// The content contract. Cross-references between entries (source ids, link targets, term pages)
// are checked by the engine in src/lib/site.ts, which reports file and line.
const docs = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/docs', generateId: ({ entry }) => pageIdFromPath(entry) }),
  schema: pageSchema,
});
const yamlIn = (dir: string) => glob({ pattern: '*.yaml', base: `./content/${dir}`, generateId: ({ entry }) => entry.replace(/\.yaml$/, '') });

export const collections = {
  docs,
  glossary: defineCollection({ loader: yamlIn('glossary'), schema: termSchema }),
  symbols: defineCollection({ loader: yamlIn('symbols'), schema: symbolSchema }),
  sources: defineCollection({ loader: yamlIn('sources'), schema: sourceSchema }),
};
