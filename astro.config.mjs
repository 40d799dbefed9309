// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import expressiveCode from 'astro-expressive-code';
import contentCheck from './src/integrations/contentCheck.ts';
import searchIndex from './src/integrations/searchIndex.ts';
import cspHeaders from './src/integrations/cspHeaders.ts';
import { externalLinks } from './src/plugins/externalLinks.ts';
import { headingAnchors } from './src/plugins/headingAnchors.ts';
import { identifierBreaks } from './src/plugins/identifierBreaks.ts';
import { scrollableTables } from './src/plugins/scrollableTables.ts';
import { wikiLinks } from './src/plugins/wikiLinks.ts';

export default defineConfig({
  // Set SITE_URL when deploying so the sitemap and canonical URLs use the real origin.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  // Each checkout (worktree, bench corpus) keeps its own content cache, even when node_modules is shared.
  cacheDir: './.astro/cache',
  // Four pages render at a time (Astro renders one by default): each page's file is written while the
  // next ones render. 2,000-page corpus: the page-rendering step about 1-3 s shorter; dist/ is unchanged.
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  // The CSP meta tag comes from BaseLayout (src/lib/contentSecurityPolicy.ts), not Astro's `security.csp`.
  integrations: [
    contentCheck(),
    expressiveCode(),
    // Static parts of each page compile to HTML strings instead of a JSX call per element (components such
    // as <Callout> stay components). 2,000-page corpus, builds alternated: bundling 14.2-14.3 s against
    // 16.3-17.0 s, rendering 7.3-7.5 s against 8.6-9.8 s. The HTML is the same but for spelling: <wbr>
    // for <wbr/>, ' and " unescaped in text, a line break at the start of .doc-body.
    mdx({ optimize: true }),
    sitemap(),
    cspHeaders(),
    // Last: it indexes the finished pages.
    searchIndex(),
  ],
  // Page scripts are cached files, never inlined: inlined copies (and their CSP hashes) would repeat in every
  // page's HTML (budget: median 10 KiB per page on the generated 2,000-page corpus). Styles keep the default.
  // Rolldown warns twice per MDX page that Astro's own "use astro:head-inject" directive may not be
  // preserved (4,000 warnings with code frames at 2,000 pages, the whole build log); Astro handles it, so
  // that one warning is dropped and every other is kept.
  vite: {
    build: {
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rollupOptions: {
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
  // Sätteri (Astro's native Markdown and MDX processor) with our plugins in src/plugins. Expressive Code
  // highlights every code block; Astro's own Shiki pass would only cost build time.
  markdown: { syntaxHighlight: false, processor: satteri({ mdastPlugins: [wikiLinks, scrollableTables], hastPlugins: [headingAnchors, externalLinks, identifierBreaks] }) },
});
