import { z } from 'zod';

/**
 * content/synonyms.yaml: groups of words or phrases readers use for the same thing. Search treats
 * every member of a group as an alternative to the others. A glossary term's expansion and aliases
 * already find the term (typed by its own name, the term is searched alone); a group here ties a term
 * to readers' own words.
 */
export const synonymGroupSchema = z.strictObject({
  /** Two or more words or phrases that mean the same thing to a reader of this site. */
  same: z.array(z.string().trim().min(2).max(60).regex(/^[^"\n]+$/, 'plain words (no quotes)')).min(2, 'list at least two words or phrases'),
  /** Why they are the same here (for the reviewer); not shown to readers. */
  note: z.string().min(1).optional(),
});
export const synonymsSchema = z.array(synonymGroupSchema);
export type SynonymGroup = z.infer<typeof synonymGroupSchema>;
