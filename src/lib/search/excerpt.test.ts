import { describe, expect, it } from 'vitest';
import { decodeEntities, escapeHtml, excerptSegments, fromFirstMark, withHighlight } from './excerpt.ts';

describe('excerptSegments', () => {
  it('splits marked words from text and decodes entities, so nothing is rendered as HTML', () => {
    expect(excerptSegments('the <mark>PIR</mark> &lt;script&gt; &amp; more')).toEqual([
      { text: 'the ', mark: false },
      { text: 'PIR', mark: true },
      { text: ' <script> & more', mark: false },
    ]);
  });

  it('highlights the word without the punctuation Pagefind marks with it', () => {
    expect(excerptSegments('on <mark>interrupts.</mark> Nested <mark>(bit)</mark> <mark>“ON”,</mark> <mark>...</mark>')).toEqual([
      { text: 'on ', mark: false },
      { text: 'interrupts', mark: true },
      { text: '. Nested (', mark: false },
      { text: 'bit', mark: true },
      { text: ') “', mark: false },
      { text: 'ON', mark: true },
      { text: '”, ', mark: false },
      { text: '...', mark: true },
    ]);
    expect(excerptSegments('<mark>vmx_alloc_ipiv_pid_table()),</mark>')).toEqual([
      { text: 'vmx_alloc_ipiv_pid_table', mark: true },
      { text: '()),', mark: false },
    ]);
  });

  it('marks a function word only as part of a marked phrase, not on its own', () => {
    const marked = (html: string) => excerptSegments(html).filter((s) => s.mark).map((s) => s.text);
    // The synonym "not merged": Pagefind marks every "not" as well as the phrase.
    expect(marked('<mark>Not</mark> <mark>merged</mark>. The patch does <mark>not</mark> apply')).toEqual(['Not', 'merged']);
    expect(marked('was <mark>not</mark>, <mark>merged</mark> later')).toEqual(['merged']);
    expect(excerptSegments('it is <mark>not</mark> active').map((s) => s.text)).toEqual(['it is not active']);
    expect(marked('the <mark>ON</mark> bit')).toEqual(['ON']);
  });

  it('drops citation markers and any other tag', () => {
    expect(excerptSegments('set by the CPU [1, §29.6]. See <b>this</b> [12]').map((s) => s.text).join('')).toBe('set by the CPU. See this');
  });
});

describe('fromFirstMark', () => {
  const text = (html: string, n: number) => fromFirstMark(excerptSegments(html), n).map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');
  it('keeps the whole words of a few characters before the first highlight, so a clamped excerpt shows what it was chosen for', () => {
    expect(text('interrupt-window exit. AVIC. 9. <mark>APICV_INHIBIT_REASON_PIT_REINJ</mark>. The PIT', 12)).toBe('…AVIC. 9. [APICV_INHIBIT_REASON_PIT_REINJ]. The PIT');
    // A long token that would not fit is dropped whole.
    expect(text('running L2). interrupt_window_interception(). <mark>PIT_REINJ</mark>', 12)).toBe('…[PIT_REINJ]');
    expect(text('a b c <mark>d</mark> e', 6)).toBe('a b c [d] e');
    expect(text('<mark>d</mark> e f', 2)).toBe('[d] e f');
    expect(text('no highlight at all here', 1)).toBe('no highlight at all here');
  });

  it('keeps fewer words before a long first highlight, so a one-line excerpt starts the highlight on its line', () => {
    const line = (html: string) => fromFirstMark(excerptSegments(html), 12, 40).map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');
    // 9 + 40 characters do not fit a line of 40: the name starts the excerpt.
    expect(line('VMX, AVIC. 4. <mark>APICV_INHIBIT_REASON_PHYSICAL_ID_ALIASED</mark>. APIC IDs')).toBe('…[APICV_INHIBIT_REASON_PHYSICAL_ID_ALIASED]. APIC IDs');
    // 9 + 30 do.
    expect(line('exit. AVIC. 9. <mark>APICV_INHIBIT_REASON_PIT_REINJ</mark>. The PIT')).toBe('…AVIC. 9. [APICV_INHIBIT_REASON_PIT_REINJ]. The PIT');
    expect(line('the <mark>PIR</mark>')).toBe('the [PIR]');
  });
});

describe('escapeHtml', () => {
  it('escapes what could close an element or an attribute, and decodeEntities restores it', () => {
    const text = 'a<b>&c "d" &amp;';
    expect(escapeHtml(text)).toBe('a&lt;b&gt;&amp;c &quot;d&quot; &amp;amp;');
    expect(decodeEntities(escapeHtml(text))).toBe(text);
  });
});

describe('withHighlight', () => {
  it('puts one parameter per word before the anchor and replaces the index’s own', () => {
    expect(withHighlight('/glossary/?highlight=x#rvi', ['RVI', 'SVI', 'RVI'], 'highlight')).toBe('/glossary/?highlight=RVI&highlight=SVI#rvi');
    expect(withHighlight('/apic/', [], 'highlight')).toBe('/apic/');
  });
});
