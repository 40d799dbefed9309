// The bench's yardstick: a plain Astro 7 + @astrojs/mdx + Pagefind site over the same generated MDX,
// with a minimal layout and none of the atlas's engine (no cross-links, previews, explainers or
// Expressive Code). The bench builds it next to the real pipeline and reports ratios to it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'vapic-bench-baseline', private: true, type: 'module', scripts: { build: 'astro build && pagefind --site dist' } }, null, 2),
  'astro.config.mjs': [
    "import { defineConfig } from 'astro/config';",
    "import mdx from '@astrojs/mdx';",
    "export default defineConfig({ trailingSlash: 'always', build: { format: 'directory' }, integrations: [mdx()] });",
  ].join('\n'),
  'src/content.config.ts': [
    "import { defineCollection } from 'astro:content';",
    "import { glob } from 'astro/loaders';",
    "export const collections = { docs: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/docs' }) }) };",
  ].join('\n'),
  'src/pages/[...slug].astro': [
    '---',
    "import { getCollection, render } from 'astro:content';",
    'export async function getStaticPaths() {',
    "  return (await getCollection('docs')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));",
    '}',
    'const { entry } = Astro.props;',
    'const { Content } = await render(entry);',
    '---',
    '<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>',
    '<body><main data-pagefind-body><h1>{entry.data.title}</h1><Content /></main></body></html>',
  ].join('\n'),
};

/** Writes the baseline site into `dir`; its content/docs comes from the same generated corpus. */
export function writeBaselineSite(dir: string): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), `${text}\n`);
  }
}
