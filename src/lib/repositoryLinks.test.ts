import { describe, expect, it } from 'vitest';
import { repositoryFromEnv, repositoryLinks } from './repositoryLinks.ts';

describe('repository links', () => {
  it('are off unless REPO_URL is set', () => {
    expect(repositoryFromEnv({})).toBeNull();
    expect(repositoryFromEnv({ REPO_URL: ' ' })).toBeNull();
  });

  it('reject a REPO_URL that is not an https repository URL', () => {
    expect(() => repositoryFromEnv({ REPO_URL: 'github.com/owner/name' })).toThrow(/REPO_URL must be an https URL/);
  });

  it('link to the source file on the configured branch and to a prefilled issue', () => {
    const repo = repositoryFromEnv({ REPO_URL: 'https://github.com/owner/atlas/', REPO_BRANCH: 'trunk' })!;
    const links = repositoryLinks(repo, 'content/docs/apicv/index.mdx', 'Intel APICv', '/apicv/');
    expect(links.edit).toBe('https://github.com/owner/atlas/edit/trunk/content/docs/apicv/index.mdx');
    const report = new URL(links.report);
    expect(report.pathname).toBe('/owner/atlas/issues/new');
    expect(report.searchParams.get('title')).toBe('Problem on "Intel APICv"');
    expect(report.searchParams.get('body')).toContain('content/docs/apicv/index.mdx');
  });
});
