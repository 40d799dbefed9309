/** Splits an MDX file into its YAML frontmatter and body, remembering where the body starts. */
export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return null;
  const yaml = match[1]!;
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  return { yaml, body: text.slice(match[0].length), bodyLine };
}
