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
