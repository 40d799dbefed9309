import { describe, expect, it } from 'vitest';
import { phrasingCodeBlocks } from './phrasingCode.ts';

describe('phrasingCodeBlocks', () => {
  it('turns divs inside <pre><code> into spans and leaves everything else alone', () => {
    const html = '<div class="x"><pre data-language="c"><code><div class="ec-line"><div class="code">a &lt;div&gt;</div></div></code></pre></div>';
    expect(phrasingCodeBlocks(html)).toBe(
      '<div class="x"><pre data-language="c" role="region" tabindex="0" aria-label="Code block 1 (c)"><code><span class="ec-line"><span class="code">a &lt;div&gt;</span></span></code></pre></div>',
    );
  });

  it('names each Expressive Code block uniquely', () => {
    const html = '<pre data-language="sh"><code></code></pre><pre data-language="sh"><code></code></pre>';
    expect(phrasingCodeBlocks(html)).toBe(
      '<pre data-language="sh" role="region" tabindex="0" aria-label="Code block 1 (sh)"><code></code></pre><pre data-language="sh" role="region" tabindex="0" aria-label="Code block 2 (sh)"><code></code></pre>',
    );
  });

  it('handles several blocks independently', () => {
    const html = '<pre><code><div>1</div></code></pre><div>between</div><pre><code><div>2</div></code></pre>';
    expect(phrasingCodeBlocks(html)).toBe('<pre><code><span>1</span></code></pre><div>between</div><pre><code><span>2</span></code></pre>');
  });
});
