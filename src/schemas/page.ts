import { z } from 'zod';
import { PAGE_KINDS, TOPICS, VENDORS } from './topics.ts';

/** Frontmatter of an MDX page under content/docs/. */
export const pageSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(20).max(320),
  topic: z.enum(TOPICS),
  vendor: z.enum(VENDORS),
  kind: z.enum(PAGE_KINDS),
  aliases: z.array(z.string().min(1)).default([]),
  sources: z.array(z.string().min(1)).min(1, 'list at least one bibliography id'),
  updated: z.coerce.date(),
  order: z.number().int().nonnegative().optional(),
  /** Questions this page answers, in a reader's words: shown on the page and weighted in search. */
  questions: z.array(z.string().trim().min(10).max(160).regex(/\?$/, 'a question ending in "?"')).max(8).default([]),
});
export type PageData = z.infer<typeof pageSchema>;
