import { z } from 'zod';

/** A glossary term, one YAML file per term under content/glossary/. */
export const termSchema = z.strictObject({
  term: z.string().min(1),
  expansion: z.string().min(1),
  definition: z.string().min(20).max(400),
  aliases: z.array(z.string().min(1)).default([]),
  /** The page that explains the term: a page id, optionally with #anchor. */
  page: z.string().min(1),
});
export type TermData = z.infer<typeof termSchema>;
