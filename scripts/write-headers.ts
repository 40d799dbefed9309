// Writes dist/_headers (Netlify, Cloudflare Pages and similar hosts) with security headers and a
// Content-Security-Policy that allows every script hash any page declares in its CSP meta tag.
//   node scripts/write-headers.ts [dist]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const pages = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && d.name.endsWith('.html'))
  .map((d) => readFileSync(join(d.parentPath, d.name), 'utf8'));
const policies = pages.map((html) => /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1]).filter(Boolean) as string[];
if (policies.length !== pages.length) throw new Error(`write-headers: ${pages.length - policies.length} page(s) have no CSP meta tag`);

// Merge the pages' policies directive by directive (same directives everywhere; hashes differ).
const merged = new Map<string, Set<string>>();
for (const policy of policies) {
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    const set = merged.get(name!) ?? new Set<string>();
    values.forEach((v) => set.add(v));
    merged.set(name!, set);
  }
}
const csp = [...merged].map(([name, values]) => [name, ...[...values].sort()].join(' ')).join('; ');
const headers = [
  '/*',
  `  Content-Security-Policy: ${csp}; frame-ancestors 'none'`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: strict-origin-when-cross-origin',
  '  X-Frame-Options: DENY',
  '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
  '  Cross-Origin-Opener-Policy: same-origin',
  '',
  // Astro names these files by content hash, so a browser may keep them for good.
  '/_astro/*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '',
].join('\n');
writeFileSync(join(dist, '_headers'), headers);
console.log(`write-headers: ${dist}/_headers (${policies.length} pages, ${merged.get('script-src')?.size ?? 0} script sources)`);
