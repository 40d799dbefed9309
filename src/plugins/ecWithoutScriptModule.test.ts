import type { Element, ElementContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { isEcScriptTag } from './ecWithoutScriptModule.ts';

const el = (tagName: string, properties: Element['properties']): ElementContent => ({ type: 'element', tagName, properties, children: [] });

describe('isEcScriptTag', () => {
  it('matches the module Expressive Code adds before the first code block', () => {
    expect(isEcScriptTag(el('script', { type: 'module', src: '/_astro/ec.g1fg5.js' }))).toBe(true);
  });

  it('leaves its stylesheet, other scripts and the code alone', () => {
    expect(isEcScriptTag(el('link', { rel: ['stylesheet'], href: '/_astro/ec.4eh8e.css' }))).toBe(false);
    expect(isEcScriptTag(el('script', { type: 'module', src: '/_astro/spec.js' }))).toBe(false);
    expect(isEcScriptTag(el('script', { type: 'module', src: '/_astro/BaseLayout.astro_astro_type_script_index_0_lang.Datu3iPE.js' }))).toBe(false);
    expect(isEcScriptTag(el('figure', { className: ['frame'] }))).toBe(false);
    expect(isEcScriptTag({ type: 'text', value: 'ec.x.js' })).toBe(false);
  });
});
