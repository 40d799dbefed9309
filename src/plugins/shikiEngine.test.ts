import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import { bundledLanguages } from 'shiki/langs';
import { bundledThemes } from 'shiki/themes';
import { describe, expect, it } from 'vitest';

// ec.config.mjs has Expressive Code tokenize with Shiki's JavaScript regular-expression engine, in a
// forgiving mode where a grammar pattern the engine cannot compile is skipped without an error. This test
// makes that loud: every code block in content/ (and the patches, shown as C) must come out token for
// token as the Oniguruma engine, Shiki's reference, tokenizes it.
// A fenced block, indented or not (a list item's), with its closing fence at the same indentation.
const FENCE = /^( *)```(\w+)[^\n]*\n([\s\S]*?)^\1```[ \t]*$/gm;
const OPENING = /^ *```\w/gm;
const THEMES = ['github-light', 'github-dark'] as const;

function codeBlocks(): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  const add = (lang: string, code: string) => blocks.set(lang, [...(blocks.get(lang) ?? []), code]);
  for (const entry of readdirSync('content', { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.name.endsWith('.mdx')) {
      const text = readFileSync(path, 'utf8');
      const found = [...text.matchAll(FENCE)];
      // Every opening fence must have been read as a block, or a block would go untested.
      expect(found.length, `code blocks read in ${path}`).toBe(text.match(OPENING)?.length ?? 0);
      for (const [, indent, lang, code] of found) add(lang!, code!.replace(new RegExp(`^${indent}`, 'gm'), ''));
    }
    // Patch.astro shows each hunk as a diff highlighted as C.
    if (path.startsWith(join('content', 'patches')) && entry.name.endsWith('.patch')) add('c', readFileSync(path, 'utf8'));
  }
  return blocks;
}

describe('Shiki JavaScript regex engine', () => {
  it('tokenizes every code block of the site exactly as Oniguruma does', async () => {
    const blocks = codeBlocks();
    expect([...blocks.keys()]).toContain('c');
    const langs = await Promise.all([...blocks.keys()].map(async (lang) => {
      const loader = bundledLanguages[lang as keyof typeof bundledLanguages];
      if (!loader) throw new Error(`no Shiki grammar for code blocks in "${lang}"`);
      return (await loader()).default;
    }));
    const themes = await Promise.all(THEMES.map(async (t) => (await bundledThemes[t]()).default));
    const [js, oniguruma] = await Promise.all([
      createHighlighterCore({ themes, langs, engine: createJavaScriptRegexEngine({ forgiving: true }) }),
      createHighlighterCore({ themes, langs, engine: createOnigurumaEngine(import('shiki/wasm')) }),
    ]);
    for (const [lang, codes] of blocks) {
      for (const code of codes) {
        for (const theme of THEMES) {
          const tokens = (engine: typeof js) => engine.codeToTokensBase(code, { lang, theme, tokenizeTimeLimit: 0 }).map((line) => line.map((t) => [t.content, t.color, t.fontStyle]));
          expect(tokens(js), `${lang} block starting "${code.slice(0, 40)}" (${theme})`).toEqual(tokens(oniguruma));
        }
      }
    }
  });
});
