import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './contentSecurityPolicy.ts';

describe('contentSecurityPolicy', () => {
  it('allows same-origin and WebAssembly scripts, and inline scripts only by the hash of their exact text', () => {
    const policy = contentSecurityPolicy(['boot()']);
    const scriptSrc = /script-src ([^;]+)/.exec(policy)![1]!.split(' ');
    const hash = `'sha256-${createHash('sha256').update('boot()').digest('base64')}'`;
    expect(scriptSrc).toEqual(["'self'", "'wasm-unsafe-eval'", hash]);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("object-src 'none'");
  });
});
