// The Content-Security-Policy every page carries in a meta tag (dist/_headers repeats it as an HTTP
// header: securityHeaders.ts). Written here rather than by Astro's `security.csp`, which lists a hash for every script
// the project bundles on every page: ours are all files from this origin ('self'), so the only hash a
// page needs is its one inline script's (the theme boot), and the meta tag stays one line.
import { createHash } from 'node:crypto';
import { THEME_BOOT_SCRIPT } from './themeBootScript.ts';

/** `'sha256-…'` source expression for an inline script's exact text. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}

/** The policy: same-origin everything (fonts and fetches fall back to default-src, workers to script-src), WebAssembly
 *  for Pagefind, inline scripts only by hash; styles allow inline attributes because Expressive Code
 *  colours tokens with them. */
export function contentSecurityPolicy(inlineScripts: string[]): string {
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...inlineScripts.map(scriptHash)].join(' '),
    "style-src 'self' 'unsafe-inline'",
  ].join('; ');
}

/** Every page's policy, the same for all: computed once per build rather than hashed again for each page. */
export const PAGE_CSP = contentSecurityPolicy([THEME_BOOT_SCRIPT]);
