import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter, parseDocument, isMap, isScalar, Scalar, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { ContentError } from './errors.ts';

/** js-yaml's reading of valid YAML, or undefined where it finds none (the yaml package then reports why). */
function quickRead(text: string): { value: unknown } | undefined {
  try {
    return { value: load(text, { schema: CORE_SCHEMA }) };
  } catch {
    return undefined;
  }
}

// A value written without quotes ends at " #", which starts a comment: "changed on VMRUN or #VMEXIT"
// silently became "changed on VMRUN or". Content puts comments on lines of their own, so a comment
// after an unquoted value on its line is refused. Read with the yaml package, which knows where each
// value ends, and only for text with such a "#" at all.
/** Lines (1-based) where a comment follows a value written without quotes, cutting it short. */
export function valuesCutByComments(text: string): number[] {
  if (!/\s#/.test(text)) return [];
  const lineCounter = new LineCounter();
  const cut: number[] = [];
  visit(parseDocument(text, { lineCounter }), {
    Scalar(_, node) {
      if (node.type !== Scalar.PLAIN || !node.range) return;
      const end = node.range[1];
      const eol = text.indexOf('\n', end);
      if (/^[ \t]+#/.test(text.slice(end, eol < 0 ? undefined : eol))) cut.push(lineCounter.linePos(end).line);
    },
  });
  return cut;
}

/**
 * Parses YAML text and validates it with a schema. Errors name the file and the line of the
 * offending field; `lineOffset` shifts lines when the YAML is an MDX frontmatter block.
 *
 * Content that is valid is read by js-yaml (YAML 1.2 core schema, as the yaml package reads it), about
 * ten times faster; the yaml package, whose documents know the line of every node, reads the text only
 * when a line is asked for (lineOf) or the quick reading fails the schema, and then decides the outcome
 * exactly as before. yamlData.test.ts checks that both read every content file alike.
 */
export function parseYamlWith<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
  lineOffset = 0,
): { data: z.output<S> | null; errors: ContentError[]; lineOf: (path: (string | number)[]) => number } {
  const lineCounter = new LineCounter();
  let parsed: Document.Parsed | undefined;
  const document = () => (parsed ??= parseDocument(text, { lineCounter, prettyErrors: false }));
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? 1 + lineOffset : lineCounter.linePos(offset).line + lineOffset;
  const lineOf = (path: (string | number)[]) => {
    const doc = document();
    // The deepest node that exists along the path: a missing field points at its parent.
    let node: unknown = doc.contents;
    let line = lineAt(doc.contents?.range?.[0]);
    for (const key of path) {
      if (!node || typeof node !== 'object' || !('get' in node)) break;
      const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
      if (pair && isScalar(pair.key)) line = lineAt(pair.key.range?.[0]);
      const next = (node as { get(k: unknown, keep: true): Node | undefined }).get(key, true);
      if (!next) break;
      if (!pair) line = lineAt(next.range?.[0]);
      node = next;
    }
    return line;
  };
  const cut = valuesCutByComments(text);
  if (cut.length) {
    const message = 'a " #" in a value without quotes starts a YAML comment, which drops the rest of the line: quote the value';
    return { data: null, lineOf, errors: cut.map((line) => new ContentError(file, line + lineOffset, message)) };
  }
  const quick = quickRead(text);
  if (quick) {
    const result = schema.safeParse(quick.value);
    if (result.success) return { data: result.data, errors: [], lineOf };
  }
  const doc = document();
  if (doc.errors.length) {
    return {
      data: null,
      lineOf,
      errors: doc.errors.map((e) => new ContentError(file, lineAt(e.pos[0]), `invalid YAML: ${e.message.split('\n')[0]}`)),
    };
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return { data: result.data, errors: [], lineOf };
  const errors = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = path.length ? `field "${path.join('.')}"` : 'entry';
    let detail = issue.message;
    if (issue.code === 'unrecognized_keys') detail = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return new ContentError(file, lineOf(path), `${field}: ${detail}`);
  });
  return { data: null, errors, lineOf };
}
