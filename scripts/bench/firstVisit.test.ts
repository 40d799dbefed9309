import { describe, expect, it } from 'vitest';
import { firstVisitFiles } from './firstVisit.ts';

const modules: Record<string, string> = {
  '/_astro/entry.js': 'const m=["_astro/lazy.js"];import{t as e}from"./helper.js";import"./side.js";e(()=>import(`./lazy.js`),m)',
  '/_astro/helper.js': 'export{a as t}from"./shared.js"',
  '/_astro/side.js': 'import{t}from"./helper.js";t()',
  '/_astro/shared.js': 'export const a=1',
  '/_astro/ec.js': 'document.body',
};
const read = (path: string) => {
  if (!(path in modules)) throw new Error(`no module ${path}`);
  return modules[path]!;
};

describe('firstVisitFiles', () => {
  it('counts stylesheets, the icon, module scripts and their static imports once each, not dynamic imports', () => {
    const html = `<head><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/_astro/a.css">
      <link rel="canonical" href="https://example.org/"></head><body><link rel="stylesheet" href="/_astro/a.css"/>
      <script type="module" src="/_astro/ec.js"></script><script type="module" src="/_astro/entry.js"></script>
      <script type="module" src="/_astro/ec.js"></script></body>`;
    expect(firstVisitFiles(html, read).sort()).toEqual(
      ['/_astro/a.css', '/_astro/ec.js', '/_astro/entry.js', '/_astro/helper.js', '/_astro/shared.js', '/_astro/side.js', '/favicon.svg'],
    );
  });

  it('fails loudly when a page points at a module that is not there', () => {
    expect(() => firstVisitFiles('<script type="module" src="/_astro/missing.js"></script>', read)).toThrow(/missing/);
  });
});
