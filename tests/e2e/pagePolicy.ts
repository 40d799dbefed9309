// What no page may do in the reader's browser: request another origin, violate its Content-Security-Policy,
// or log an error or throw. Shared by the every-page check (everyPage.ts) and security.test.ts.
import type { Page } from 'playwright-core';

/**
 * Watches `page` from now on (call before its first navigation) and returns the live list of problems,
 * each labelled with `where()`, the page being checked; while `where()` is null nothing is recorded.
 */
export async function watchPolicy(page: Page, base: string, where: () => string | null): Promise<string[]> {
  const problems: string[] = [];
  const record = (problem: string) => {
    const at = where();
    if (at !== null) problems.push(`${at}: ${problem}`);
  };
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) record(`request to ${r.url()}`);
  });
  page.on('console', (m) => m.type() === 'error' && record(`console: ${m.text()}`));
  page.on('pageerror', (e) => record(e.message));
  await page.exposeFunction('reportViolation', (v: string) => record(`CSP ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}
