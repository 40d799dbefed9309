import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { phrasingCodeBlocks } from '../lib/phrasingCode.ts';

/** After the build, rewrites code blocks in dist/ so every page is valid HTML (see phrasingCode.ts). */
export default function validHtml(): AstroIntegration {
  return {
    name: 'vapic-valid-html',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const path = join(entry.parentPath, entry.name);
          const html = readFileSync(path, 'utf8');
          const fixed = phrasingCodeBlocks(html);
          if (fixed !== html) writeFileSync(path, fixed);
        }
      },
    },
  };
}
