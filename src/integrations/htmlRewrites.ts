import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { rewritePage } from '../lib/pageRewrites.ts';
import { headersFile, pageCsp } from '../lib/securityHeaders.ts';

/**
 * After the build, one pass over every page in dist/: each is rewritten as src/lib/pageRewrites.ts says
 * (valid code block markup, no whitespace between table cells, stylesheets in the head), and the pages'
 * CSP meta tags become dist/_headers for hosts that send headers from it (securityHeaders.ts).
 */
export default function htmlRewrites(): AstroIntegration {
  return {
    name: 'vapic-html-rewrites',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies: string[] = [];
        const withoutCsp: string[] = [];
        for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const path = join(entry.parentPath, entry.name);
          const html = readFileSync(path, 'utf8');
          const rewritten = rewritePage(html);
          if (rewritten !== html) writeFileSync(path, rewritten);
          const csp = pageCsp(rewritten);
          if (csp) policies.push(csp);
          else withoutCsp.push(relative(root, path));
        }
        if (withoutCsp.length) throw new Error(`html rewrites: no Content-Security-Policy meta tag in ${withoutCsp.join(', ')}`);
        writeFileSync(join(root, '_headers'), headersFile(policies));
        logger.info(`${policies.length} pages checked and rewritten where needed; _headers written from their CSP`);
      },
    },
  };
}
