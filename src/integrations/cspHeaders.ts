import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, pageCsp } from '../lib/securityHeaders.ts';

/**
 * After the build, the pages' CSP meta tags become dist/_headers for hosts that send headers from it
 * (securityHeaders.ts); a page without one fails the build. The pages themselves were rewritten as they
 * were rendered (src/middleware.ts).
 */
export default function cspHeaders(): AstroIntegration {
  return {
    name: 'vapic-csp-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies: string[] = [];
        const withoutCsp: string[] = [];
        for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const path = join(entry.parentPath, entry.name);
          const csp = pageCsp(readFileSync(path, 'utf8'));
          if (csp) policies.push(csp);
          else withoutCsp.push(relative(root, path));
        }
        if (withoutCsp.length) throw new Error(`CSP headers: no Content-Security-Policy meta tag in ${withoutCsp.join(', ')}`);
        writeFileSync(join(root, '_headers'), headersFile(policies));
        logger.info(`_headers written from the CSP of ${policies.length} pages`);
      },
    },
  };
}
