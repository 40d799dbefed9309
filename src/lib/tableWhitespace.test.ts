import { describe, expect, it } from 'vitest';
import { withoutTableWhitespace } from './tableWhitespace.ts';

describe('withoutTableWhitespace', () => {
  it('drops the line breaks between rows and cells, which a table never shows', () => {
    const html = '<table>\n<thead>\n<tr>\n<th>Name</th>\n<th><code>pi_desc</code> member</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n</tr>\n</tbody>\n</table>';
    expect(withoutTableWhitespace(html)).toBe('<table><thead><tr><th>Name</th><th><code>pi_desc</code> member</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>');
  });

  it('keeps spaces inside cells and everywhere outside tables', () => {
    const html = '<p>a <b>b</b> <i>c</i></p>\n<div>\n<table><tr><td> x <code>y</code> </td><td>\n<a href="#">z</a> w</td></tr></table>\n</div>';
    expect(withoutTableWhitespace(html)).toBe('<p>a <b>b</b> <i>c</i></p>\n<div>\n<table><tr><td> x <code>y</code> </td><td>\n<a href="#">z</a> w</td></tr></table>\n</div>');
  });

  it('leaves escaped markup in code alone', () => {
    const html = '<pre><code>&lt;tr&gt;\n&lt;td&gt;</code></pre>';
    expect(withoutTableWhitespace(html)).toBe(html);
  });
});
