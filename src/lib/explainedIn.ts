import type { Page, Site } from './site.ts';

/**
 * The page a term's or symbol's `page:` names ("apicv/posted-interrupts#descriptor-layout"), with the URL
 * of its heading. loadSite() has checked that both exist. Its own module: the search records, which the
 * browser's search code imports, may not pull in site.ts and its Node modules.
 */
export function explainedIn(site: Site, reference: string): { page: Page; url: string } {
  const [id, anchor] = reference.split('#') as [string, string | undefined];
  const page = site.pages.get(id)!;
  return { page, url: anchor ? `${page.url}#${anchor}` : page.url };
}
