/**
 * Expressive Code writes each code line as <div class="ec-line"> inside <code>, which only allows
 * phrasing content. The same markup with <span> renders identically (its CSS selects classes and
 * makes .ec-line a grid) and is valid HTML. Code text is escaped, so "<div" in code never matches.
 */
export function phrasingCodeBlocks(html: string): string {
  // Expressive Code turns a scrolling <pre> into an unnamed region at run time. Make each a named,
  // focusable region from the start (src/scripts/copyCode.ts drops role and tabindex again where
  // nothing scrolls), so landmarks stay unique and keyboard users can scroll without JavaScript.
  let block = 0;
  const named = html.replace(/<pre data-language="([^"]*)"(?![^>]*aria-label)/g, (_m, lang: string) =>
    `<pre data-language="${lang}" role="region" tabindex="0" aria-label="Code block ${++block}${lang && lang !== 'plaintext' ? ` (${lang})` : ''}"`);
  return named.replace(/(<pre\b(?:[^>"']|"[^"]*"|'[^']*')*>\s*<code\b[^>]*>)([\s\S]*?)(<\/code>\s*<\/pre>)/g, (_m, open: string, body: string, close: string) =>
    `${open}${body.replace(/<div\b/g, '<span').replace(/<\/div>/g, '</span>')}${close}`);
}
