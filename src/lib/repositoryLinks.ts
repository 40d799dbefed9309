// "Edit this page" and "Report a problem" links, shown only when the site's source repository is configured
// (REPO_URL, optionally REPO_BRANCH, at build time). URLs follow GitHub's layout, which Forgejo and Gitea
// also accept for issues; a GitLab repository needs its own paths.

export interface RepositoryConfig {
  /** e.g. https://github.com/example/vapic-atlas (no trailing slash needed) */
  url: string;
  branch: string;
}

export interface RepositoryLinks {
  edit: string;
  report: string;
}

/** The configured repository from the environment, or null when REPO_URL is unset or empty. */
export function repositoryFromEnv(env: Record<string, string | undefined>): RepositoryConfig | null {
  const url = env.REPO_URL?.trim();
  if (!url) return null;
  if (!/^https:\/\/[^\s/]+\/\S+$/.test(url)) throw new Error(`REPO_URL must be an https URL of a repository, e.g. https://github.com/owner/name (got "${url}")`);
  return { url: url.replace(/\/+$/, ''), branch: env.REPO_BRANCH?.trim() || 'main' };
}

/** Links for one page: `file` is its source path from the repository root, `title` names it in the report. */
export function repositoryLinks(repo: RepositoryConfig, file: string, title: string, pageUrl: string): RepositoryLinks {
  const path = file.split('/').map(encodeURIComponent).join('/');
  const params = new URLSearchParams({ title: `Problem on "${title}"`, body: `Page: ${pageUrl}\nSource: ${file}\n\nWhat is wrong, and which source says otherwise:\n` });
  return { edit: `${repo.url}/edit/${encodeURIComponent(repo.branch)}/${path}`, report: `${repo.url}/issues/new?${params}` };
}
