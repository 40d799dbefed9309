// Table parts: a table renders no text between them, so whitespace there is only bytes.
const TABLE_PART = String.raw`<\/?(?:table|caption|colgroup|col|thead|tbody|tfoot|tr|th|td)\b[^>]*>`;
const BETWEEN_TABLE_PARTS = new RegExp(String.raw`(${TABLE_PART})\s+(?=${TABLE_PART})`, 'g');

/**
 * Drops the whitespace between a table's rows and cells. The Markdown-to-HTML conversion writes a line
 * break between every two (about 40 bytes a table); removing them while the pages compile cost about
 * 0.4 ms a table, here it is one regular expression over the finished page. Text inside cells is untouched.
 */
export function withoutTableWhitespace(html: string): string {
  return html.replace(BETWEEN_TABLE_PARTS, '$1');
}
