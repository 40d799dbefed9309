// dist/_headers (Netlify, Cloudflare Pages and similar hosts): security headers and a
// Content-Security-Policy that allows every script hash any page declares in its CSP meta tag
// (contentSecurityPolicy.ts), so a header covers what each page's meta tag allows.

const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]+)"/;

/** The policy in a page's CSP meta tag, or undefined when it has none. */
export const pageCsp = (html: string): string | undefined => CSP_META.exec(html)?.[1];

/** Merges the pages' policies directive by directive (the same directives everywhere; hashes differ). */
export function mergePolicies(policies: string[]): string {
  const merged = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
      const [name, ...values] = part.split(/\s+/);
      const set = merged.get(name!) ?? new Set<string>();
      values.forEach((v) => set.add(v));
      merged.set(name!, set);
    }
  }
  return [...merged].map(([name, values]) => [name, ...[...values].sort()].join(' ')).join('; ');
}

/** The _headers file for a site whose pages declare these policies. */
export function headersFile(policies: string[]): string {
  return [
    '/*',
    `  Content-Security-Policy: ${mergePolicies(policies)}; frame-ancestors 'none'`,
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
}
