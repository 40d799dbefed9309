import { describe, expect, it } from 'vitest';
import { stylesheetsInHead } from './headStylesheets.ts';

describe('stylesheetsInHead', () => {
  it('moves body stylesheets to the end of the head, once per address, in order of first use', () => {
    const html = '<html><head><link rel="stylesheet" href="/a.css"><style>x{}</style></head><body><h2>1</h2><link rel="stylesheet" href="/patch.css"><p>2</p><link rel="stylesheet" href="/ec.css"/><pre>c</pre><link rel="stylesheet" href="/patch.css"><link rel="stylesheet" href="/a.css"></body></html>';
    expect(stylesheetsInHead(html)).toBe(
      '<html><head><link rel="stylesheet" href="/a.css"><style>x{}</style><link rel="stylesheet" href="/patch.css"><link rel="stylesheet" href="/ec.css"/></head><body><h2>1</h2><p>2</p><pre>c</pre></body></html>',
    );
  });

  it('leaves a page without body stylesheets, and link text inside code, untouched', () => {
    const html = '<html><head><link rel="stylesheet" href="/a.css"></head><body><code>&lt;link rel="stylesheet" href="/x.css"&gt;</code></body></html>';
    expect(stylesheetsInHead(html)).toBe(html);
  });
});
