import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { distPages } from './distSite.ts';

describe('valid HTML', () => {
  it('every page passes html-validate (standard rules: the HTML specification)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    const problems: string[] = [];
    for (const page of distPages()) {
      const report = await validator.validateString(page.html, page.url);
      for (const m of report.results.flatMap((r) => r.messages)) problems.push(`${page.url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
