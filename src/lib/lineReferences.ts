// Line references into a kernel tree, and whether they still land on what they name.
//
// The convention (README, "Line references"):
// - A reference is `<path>:<line>` or `<path>:<start>-<end>`, where <path> ends in .c, .h or .S and may be
//   shortened to its last components (`vmx.c`, `svm/nested.c`); more lines of the same file may follow
//   as `, <line>`, `, <start>-<end>` or `or :<line>`.
// - It names its version: the nearest version token (`v6.12`, `6.12.118`, `v6.5`, `6.1.20`) in the same
//   clause (text between `;` or a sentence end, continuing from up to three previous lines of the same
//   paragraph or comment), else earlier on the same line, else the file's declaration
//   `line references: <version>` (in prose also "Line references on this page are for Linux <version>"). A bare "6.12" is not a version: it would not say which tree.
// - It names its target: the identifiers in the same clause, else on the same line, else in the up to
//   three lines before it (a record or comment block, stopping at a blank line). An identifier is a
//   `backticked` span, a word directly followed by `(`, or a word with an underscore; a "double-quoted phrase" of
//   eight or more characters is a target too, so lines that hold only a comment can be named by quoting it. The
//   reference lands if one of its targets occurs in the lines it gives (an upper-case target may be the end of an
//   identifier, so `ABSENT` lands on APICV_INHIBIT_REASON_ABSENT; a phrase must occur as written in one line).
// In a .ts file only the comment or string literal holding the reference is its clause or line, so code
// around it does not count as a target unless the comment names nothing.

export interface LineReference {
  /** File the reference is written in, and its 1-based line there. */
  source: string;
  sourceLine: number;
  /** As written, e.g. `x86.c:9542-9549`. */
  text: string;
  path: string;
  ranges: { start: number; end: number }[];
  version: string | null;
  /** Identifiers the reference names, nearest first. */
  targets: string[];
}

const PATH_REF = /(?<![\w/.-])((?:[\w-]+\/)*[\w-]+\.[chS]):(\d+)(?:-(\d+))?((?:\s*(?:,|or|and)\s*:?\d+(?:-\d+)?(?![\w.:]))*)/g;
const MORE_LINES = /(\d+)(?:-(\d+))?/g;
const VERSION = /(?<![\w.])(v\d+\.\d+(?:\.\d+)?(?:-rc\d+)?|\d+\.\d+\.\d+(?:-rc\d+)?)(?![\w.]*\.[chS]\b)(?![\w])/g;
// `line references: 6.12.118`, or in prose `Line references on this page are for Linux 6.12.118`.
const DECLARATION = /line (?:references|numbers)(?: on this page)?(?: are)?(?::| for| refer to)\s*(?:Linux\s+)?(v?\d+\.\d+(?:\.\d+)?(?:-rc\d+)?)/i;
const IDENTIFIER = /`([^`\n]+)`|\b([A-Za-z_][A-Za-z0-9_]*)(?=\()|\b([A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9])\b/g;
const PHRASE = /"([^"\n]{8,})"/g;
const C_KEYWORDS = new Set(['enum', 'struct', 'union', 'static', 'inline', 'const', 'unsigned', 'int', 'bool', 'void', 'if', 'return', 'define']);
// Words that look like identifiers but name nothing in a kernel file.
const NOT_TARGETS = new Set(['it', 'describe', 'expect', 'push', 'test', 'map', 'filter', 'find', 'join', 'slice', 'toBe', 'toEqual']);

/** The part of a line that forms the reference's surroundings: in TypeScript, its comment or string. */
function surroundings(line: string, at: number, typescript: boolean): { text: string; offset: number } {
  if (!typescript) return { text: line, offset: 0 };
  const comment = /(?<!:)\/\/|^\s*\/?\*/.exec(line);
  if (comment && comment.index < at) return { text: line.slice(comment.index), offset: comment.index };
  // The innermost string literal around the reference: the latest opening quote with a closing one after it.
  let best: { open: number; close: number } | null = null;
  for (const quote of ["'", '"', '`']) {
    const open = line.lastIndexOf(quote, at);
    const close = line.indexOf(quote, at);
    if (open !== -1 && close !== -1 && (!best || open > best.open)) best = { open, close };
  }
  return best ? { text: line.slice(best.open + 1, best.close), offset: best.open + 1 } : { text: line, offset: 0 };
}

/** The clause (between `;` or a sentence end) around position `at` of `text`. */
function clauseAround(text: string, at: number): { text: string; offset: number } {
  const boundary = /;|\.\s/g;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(boundary)) {
    if (m.index < at) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  return { text: text.slice(start, end), offset: start };
}

function identifiers(text: string, refs: RegExp): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  const masked = text.replace(refs, (m) => ' '.repeat(m.length));
  // A quoted phrase (kernel comment text) is matched as written.
  for (const m of masked.matchAll(PHRASE)) out.push({ name: m[1]!.trim(), at: m.index });
  for (const m of masked.matchAll(IDENTIFIER)) {
    const raw = (m[1] ?? m[2] ?? m[3])!;
    // A backticked span names its first word with an underscore (`kvm->arch.apicv_inhibit_reasons`),
    // else its first word that is not a C keyword (`enum kvm_apicv_inhibit`, `__set_bit(reason)`).
    const words = m[1] !== undefined ? [...raw.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].map((w) => w[0]).filter((w) => !C_KEYWORDS.has(w)) : [raw];
    const name = words.find((w) => w.includes('_')) ?? words[0] ?? '';
    if (name.length < 3 || NOT_TARGETS.has(name) || /^\d/.test(name)) continue;
    out.push({ name, at: m.index });
  }
  return out;
}

function nearestVersion(text: string, at: number): string | null {
  let best: { v: string; d: number } | null = null;
  for (const m of text.matchAll(VERSION)) {
    const d = Math.abs(m.index - at);
    if (!best || d < best.d) best = { v: m[1]!, d };
  }
  return best?.v ?? null;
}

const byDistance = (at: number) => (a: { at: number }, b: { at: number }) => Math.abs(a.at - at) - Math.abs(b.at - at);
const unique = (names: string[]) => [...new Set(names)];

/** Every line reference in `text` (the content of the file named `source`). */
export function findLineReferences(text: string, source: string): LineReference[] {
  const typescript = /\.[cm]?tsx?$/.test(source);
  const lines = text.split('\n');
  const declared = DECLARATION.exec(text)?.[1] ?? null;
  const refs: LineReference[] = [];
  lines.forEach((line, i) => {
    for (const m of line.matchAll(PATH_REF)) {
      const ranges = [{ start: Number(m[2]), end: Number(m[3] ?? m[2]) }];
      for (const more of (m[4] ?? '').matchAll(MORE_LINES)) ranges.push({ start: Number(more[1]), end: Number(more[2] ?? more[1]) });
      const scope = surroundings(line, m.index, typescript);
      const own = clauseAround(scope.text, m.index - scope.offset);
      // A clause that starts its line continues from the previous lines of the same paragraph or comment.
      let clause = own.text;
      let at = m.index - scope.offset - own.offset;
      for (let back = 1; own.offset === 0 && back <= 3 && i - back >= 0; back++) {
        const prev = lines[i - back]!.replace(/^\s*(\/\/|\/?\*+|-)?/, '');
        if (!prev.trim() || (typescript && !/^\s*(\/\/|\*)/.test(lines[i - back]!))) break;
        const boundary = Math.max(prev.lastIndexOf(';'), prev.search(/\.\s[^.]*$/));
        const tail = boundary === -1 ? prev : prev.slice(boundary + 1);
        clause = `${tail} ${clause}`;
        at += tail.length + 1;
        if (boundary !== -1) break;
      }
      let targets = identifiers(clause, PATH_REF).sort(byDistance(at)).map((t) => t.name);
      if (!targets.length) targets = identifiers(scope.text, PATH_REF).sort(byDistance(m.index - scope.offset)).map((t) => t.name);
      if (!targets.length && typescript && scope.offset > 0) targets = identifiers(line, PATH_REF).sort(byDistance(m.index)).map((t) => t.name);
      for (let back = 1; !targets.length && back <= 3 && i - back >= 0 && lines[i - back]!.trim(); back++)
        targets = identifiers(lines[i - back]!, PATH_REF).reverse().map((t) => t.name);
      refs.push({
        source,
        sourceLine: i + 1,
        text: m[0],
        path: m[1]!,
        ranges,
        version: nearestVersion(clause, at) ?? nearestVersion(line.slice(0, m.index), m.index) ?? declared,
        targets: unique(targets),
      });
    }
  });
  return refs;
}

/** What a tree offers the check: the files whose path ends with a written path, and their lines. */
export interface KernelTree {
  version: string;
  /** Tree-relative paths equal to `path` or ending in `/path`. */
  filesEnding(path: string): string[];
  lines(file: string): readonly string[];
}

export type ReferenceCheck =
  | { status: 'ok'; file: string }
  | { status: 'other-version' }
  | { status: 'no-version' }
  | { status: 'no-target' }
  | { status: 'no-file' }
  /** At least one range no longer holds any target; `now` gives the nearest place each range's target is. */
  | { status: 'moved'; moved: { range: string; now: string | null }[] }
  | { status: 'ambiguous'; files: string[] };

const sameVersion = (a: string, b: string) => a.replace(/^v/, '') === b.replace(/^v/, '');
// An upper-case target also lands on an identifier it ends (`ABSENT` in APICV_INHIBIT_REASON_ABSENT): pages
// name enum members without their prefix.
const lineHas = (line: string, name: string) =>
  /[^\w.]/.test(name) ? line.includes(name) : new RegExp(`(?<![A-Za-z0-9${/^[A-Z0-9_]+$/.test(name) ? '' : '_'}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`).test(line);
const rangeText = (r: { start: number; end: number }) => (r.start === r.end ? `${r.start}` : `${r.start}-${r.end}`);

/** Checks one reference against a tree of the same version. */
export function checkReference(ref: LineReference, tree: KernelTree): ReferenceCheck {
  if (!ref.version) return { status: 'no-version' };
  if (!sameVersion(ref.version, tree.version)) return { status: 'other-version' };
  if (!ref.targets.length) return { status: 'no-target' };
  const files = tree.filesEnding(ref.path);
  if (!files.length) return { status: 'no-file' };
  const landsIn = (file: string, r: { start: number; end: number }) =>
    tree.lines(file).slice(r.start - 1, r.end).some((l) => ref.targets.some((t) => lineHas(l, t)));
  const good = files.filter((f) => ref.ranges.every((r) => landsIn(f, r)));
  if (good.length) return { status: 'ok', file: good[0]! };
  if (files.length > 1) return { status: 'ambiguous', files };
  const file = files[0]!;
  const lines = tree.lines(file);
  const moved = ref.ranges
    .filter((r) => !landsIn(file, r))
    .map((r) => {
      let best: number | null = null;
      lines.forEach((l, i) => {
        if (ref.targets.some((t) => lineHas(l, t)) && (best === null || Math.abs(i + 1 - r.start) < Math.abs(best - r.start))) best = i + 1;
      });
      return { range: rangeText(r), now: best === null ? null : `${file}:${best}` };
    });
  return { status: 'moved', moved };
}

/** One line of the report for a reference that needs attention, or null if it is fine or for another version. */
export function describeCheck(ref: LineReference, check: ReferenceCheck, treeVersion: string): string | null {
  const at = `${ref.source}:${ref.sourceLine}: ${ref.text}`;
  const names = ref.targets.slice(0, 3).join(', ');
  switch (check.status) {
    case 'ok':
    case 'other-version':
      return null;
    case 'no-version':
      return `${at} names no version (write one in the clause, e.g. "${treeVersion} ${ref.text}", or declare "line references: <version>" in the file)`;
    case 'no-target':
      return `${at} names no identifier it points at (write the symbol or a \`quoted\` text in the same clause)`;
    case 'no-file':
      return `${at}: no file in the ${treeVersion} tree ends with ${ref.path}`;
    case 'ambiguous':
      return `${at}: ${names} not found there in any of ${check.files.join(', ')}; write more of the path`;
    case 'moved':
      return check.moved
        .map((m) => `${at}: ${names} not at line${m.range.includes('-') ? 's' : ''} ${m.range} in ${treeVersion}; ${m.now ? `nearest now at ${m.now}` : 'not found in the file'}`)
        .join('\n');
  }
}
