import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { stylesheetsInHead } from '../lib/headStylesheets.ts';
import { phrasingCodeBlocks } from '../lib/phrasingCode.ts';

/**
 * After the build, one pass over every page in dist/: code blocks become valid HTML (phrasingCode.ts)
 * and stylesheets that components left in the body move to the head (headStylesheets.ts).
 */
export default function htmlRewrites(): AstroIntegration {
  return {
    name: 'vapic-html-rewrites',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const path = join(entry.parentPath, entry.name);
          const html = readFileSync(path, 'utf8');
          const rewritten = stylesheetsInHead(phrasingCodeBlocks(html));
          if (rewritten !== html) writeFileSync(path, rewritten);
        }
      },
    },
  };
}
