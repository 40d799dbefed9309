/** A unified diff split into files and hunks, keeping every line exactly as in the patch text. */
export interface PatchHunk {
  /** The `@@ -a,b +c,d @@ context` line. */
  header: string;
  /**
   * The hunk's lines after the header, as stored. The archived copy of the RFC lost the leading
   * space of context lines, so a line is context unless it starts with '+' or '-'.
   */
  lines: string[];
}
export interface PatchFile {
  path: string;
  hunks: PatchHunk[];
}

/** Splits a unified diff; hunk extents come from the line counts in each `@@` header. */
export function parsePatch(text: string): PatchFile[] {
  const files: PatchFile[] = [];
  let file: PatchFile | null = null;
  let hunk: PatchHunk | null = null;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of text.split('\n')) {
    if (hunk && (oldLeft > 0 || newLeft > 0)) {
      hunk.lines.push(line);
      if (line.startsWith('+')) newLeft--;
      else if (line.startsWith('-')) oldLeft--;
      else if (!line.startsWith('\\')) { oldLeft--; newLeft--; }
      continue;
    }
    const diff = /^diff --git a\/(\S+) b\/\S+/.exec(line);
    const range = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
    if (diff) {
      file = { path: diff[1]!, hunks: [] };
      files.push(file);
    } else if (file && range) {
      hunk = { header: line, lines: [] };
      oldLeft = Number(range[1] ?? 1);
      newLeft = Number(range[2] ?? 1);
      file.hunks.push(hunk);
    }
  }
  return files;
}

/** One hunk by file path and 1-based index; throws a message naming what exists when it is not there. */
export function findHunk(files: PatchFile[], path: string, index: number): PatchHunk {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`the patch has no file "${path}" (files: ${files.map((f) => f.path).join(', ')})`);
  const hunk = file.hunks[index - 1];
  if (!hunk) throw new Error(`"${path}" has ${file.hunks.length} hunk(s) in the patch; hunk ${index} does not exist`);
  return hunk;
}

/** The RFC patch, a byte-identical copy of the archived mail, relative to the project root. */
export const PATCH_FILE = 'content/patches/rfc-inhibit-apicv-l2-apic-access.patch';

/** How a line of the patch text reads, for colouring the verbatim rendering. */
export function patchLineKind(line: string): 'file' | 'hunk' | 'ins' | 'del' | 'text' {
  if (/^(diff --git |index |--- a\/|\+\+\+ b\/)/.test(line)) return 'file';
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'ins';
  if (line.startsWith('-') && line !== '---') return 'del';
  return 'text';
}

/**
 * A readable copy of a hunk for the re-indented view: the archived mail lost every leading tab, so this
 * puts indentation back from the C structure (brace and parenthesis depth, a one-statement body after
 * `if`/`else`/`for`/`while`, the ` *` of block comments) in kernel style, one tab per level and four
 * spaces more for a continuation line. It is the
 * site's reconstruction, not the author's whitespace: lines keep their diff marker (space for context,
 * which the archive also lost) and their text otherwise unchanged.
 */
export function reindentHunk(hunk: PatchHunk): string[] {
  const context = /^@@[^@]*@@\s*(.*)$/.exec(hunk.header)?.[1] ?? '';
  // The text after @@ names the enclosing definition: a function signature (possibly cut short) or a
  // line ending in "{" means the hunk starts one level in; a declaration ending in ";" does not.
  let depth = /\{\s*$/.test(context) || (context.includes('(') && !/;\s*$/.test(context)) ? 1 : 0;
  let parens = 0;
  let inComment = false;
  let pendingBody = false; // the next statement is the one-statement body of an if/else/for/while
  let inBody = false;
  let control = false;
  let macroList = false;
  const out: string[] = [];
  for (const raw of hunk.lines) {
    if (raw.startsWith('\\')) { out.push(raw); continue; }
    const marker = raw.startsWith('+') || raw.startsWith('-') ? raw[0]! : ' ';
    const code = (marker === ' ' ? raw : raw.slice(1)).trim();
    if (!code) { out.push(marker); continue; }
    if (inComment || code.startsWith('/*')) {
      out.push(`${marker}${'\t'.repeat(depth + (inBody ? 1 : 0))}${code.startsWith('*') ? ` ${code}` : code}`);
      inComment = !code.includes('*/') && (inComment || code.startsWith('/*'));
      continue;
    }
    // A hunk that opens inside a macro's parenthesised list (lines ending in "\") is one tab in until ")".
    if (out.length === 0 && code.endsWith('\\')) [depth, macroList] = [0, true];
    if (macroList) {
      if (code.startsWith(')')) macroList = false;
      out.push(`${marker}${macroList ? '\t' : ''}${code}`);
      continue;
    }
    if (parens === 0) {
      if (pendingBody && !code.startsWith('{')) inBody = true;
      pendingBody = false;
      control = /^(\}\s*)?(if|else|for|while)\b/.test(code);
    }
    // A continuation line (inside unclosed parentheses) gets four more spaces, so it reads apart from a body.
    const continuation = parens - (code.startsWith(')') ? 1 : 0) > 0 ? '    ' : '';
    const level = depth - (code.startsWith('}') ? 1 : 0) + (inBody ? 1 : 0);
    out.push(`${marker}${'\t'.repeat(Math.max(0, level))}${continuation}${code}`);
    const bare = code.replace(/\/\*.*?\*\/|\/\/.*$|"(?:\\.|[^"])*"|'(?:\\.|[^'])*'/g, '');
    for (const ch of bare) {
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
      else if (ch === '(') parens++;
      else if (ch === ')') parens = Math.max(0, parens - 1);
    }
    if (parens === 0) {
      const ends = /[;{}]\s*$/.test(bare);
      if (ends) inBody = false;
      if (control && !/[;{]\s*$/.test(bare)) pendingBody = true;
    }
  }
  return out;
}
