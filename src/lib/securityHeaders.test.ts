import { describe, expect, it } from 'vitest';
import { headersFile, mergePolicies, pageCsp } from './securityHeaders.ts';

describe('securityHeaders', () => {
  it('reads a page’s CSP meta tag', () => {
    expect(pageCsp('<head><meta http-equiv="content-security-policy" content="default-src \'self\'"></head>')).toBe("default-src 'self'");
    expect(pageCsp('<head></head>')).toBeUndefined();
  });

  it('merges policies directive by directive, every page’s hashes allowed, sorted', () => {
    expect(mergePolicies(["default-src 'self'; script-src 'self' 'sha256-b'", "default-src 'self'; script-src 'self' 'sha256-a'"])).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'",
    );
  });

  it('writes the merged policy for every path and long caching for content-hashed assets only', () => {
    const file = headersFile(["default-src 'self'"]);
    expect(file).toContain("/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n");
    expect(file).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
  });
});
