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

  it('every stylesheet is linked once, from the head (one in the body restyles the whole page as it loads)', () => {
    const problems: string[] = [];
    for (const page of distPages()) {
      const [head, body = ''] = page.html.split('</head>');
      const inBody = body.match(/<link\b[^>]*rel="stylesheet"[^>]*>/g) ?? [];
      const hrefs = [...head!.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]*)"/g)].map((m) => m[1]);
      if (inBody.length) problems.push(`${page.url}: in the body: ${inBody.join(' ')}`);
      if (new Set(hrefs).size !== hrefs.length) problems.push(`${page.url}: linked twice: ${hrefs.join(' ')}`);
    }
    expect(problems).toEqual([]);
  });
});
