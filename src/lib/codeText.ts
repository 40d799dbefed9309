/**
 * The text a "Copy" button puts on the clipboard: the code block's lines joined by newlines. Expressive
 * Code renders each line as its own element (no newline characters in between), so the lines' texts
 * are read one by one.
 */
export function codeText(lines: Iterable<{ textContent: string | null }>): string {
  return [...lines].map((line) => line.textContent ?? '').join('\n');
}
