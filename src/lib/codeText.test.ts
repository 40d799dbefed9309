import { describe, expect, it } from 'vitest';
import { codeText } from './codeText.ts';

describe('codeText', () => {
  it('joins the rendered lines with newlines and keeps tabs and empty lines', () => {
    expect(codeText([{ textContent: 'static int f(void)' }, { textContent: '{' }, { textContent: '\treturn 0;' }, { textContent: '' }, { textContent: '}' }])).toBe('static int f(void)\n{\n\treturn 0;\n\n}');
  });
});
