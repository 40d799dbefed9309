/** A problem in a content file, reported as `file:line: message` so an editor can jump to it. */
export class ContentError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly detail: string;

  constructor(file: string, line: number | undefined, detail: string) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
    this.name = 'ContentError';
    this.file = file;
    this.line = line;
    this.detail = detail;
  }
}

/** Thrown when a content tree has one or more errors; the message lists all of them. */
export class ContentErrors extends Error {
  readonly errors: ContentError[];

  constructor(errors: ContentError[]) {
    super(`${errors.length} content error${errors.length === 1 ? '' : 's'}:\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
    this.name = 'ContentErrors';
    this.errors = errors;
  }
}
