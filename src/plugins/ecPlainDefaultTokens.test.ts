import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { defaultTokenStyle, unwrapDefaultTokens } from './ecPlainDefaultTokens.ts';

const span = (style: string, text: string, extra: Record<string, string> = {}): Element => ({ type: 'element', tagName: 'span', properties: { style, ...extra }, children: [{ type: 'text', value: text }] });

describe('ecPlainDefaultTokens', () => {
  const plain = defaultTokenStyle(['#24292e', '#E1E4E8']);

  it('unwraps tokens in the default colour of every theme and keeps coloured ones', () => {
    const line: Element = { type: 'element', tagName: 'span', properties: { className: ['code'] }, children: [span('--0:#BF3441;--1:#F97583', 'static'), span('--0:#24292E;--1:#E1E4E8', ' '), span('--0:#6F42C1;--1:#B392F0', 'f')] };
    unwrapDefaultTokens(line, plain);
    expect(line.children.map((c) => (c.type === 'text' ? c.value : (c as Element).properties.style))).toEqual(['--0:#BF3441;--1:#F97583', ' ', '--0:#6F42C1;--1:#B392F0']);
  });

  it('keeps a default-coloured span that carries anything else (a class, a second style variant colour)', () => {
    const line: Element = { type: 'element', tagName: 'span', properties: {}, children: [span('--0:#24292E;--1:#E1E4E8', 'x', { className: 'mark' } as never), span('--0:#24292E;--1:#FFFFFF', 'y')] };
    unwrapDefaultTokens(line, plain);
    expect(line.children.every((c) => c.type === 'element')).toBe(true);
  });
});
