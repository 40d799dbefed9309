import { z } from 'zod';
import { SOURCE_KINDS } from './topics.ts';

/** A bibliography entry, one YAML file per source under content/sources/; the id is the file name. */
export const sourceSchema = z
  .strictObject({
    title: z.string().min(1),
    kind: z.enum(SOURCE_KINDS),
    url: z.url(),
    author: z.string().optional(),
    // YAML loaders differ on whether 2023-08-07 is a date or a string; accept both, keep the text.
    date: z
      .union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)])
      .optional(),
    edition: z.string().optional(),
    version: z.string().optional(),
    commit: z.string().regex(/^[0-9a-f]{12,40}$/).optional(),
    messageId: z.string().optional(),
    section: z.string().optional(),
  })
  .refine((s) => s.edition || s.version || s.commit || s.messageId || s.date, {
    message: 'give an edition, version, commit, messageId or date so the entry is pinned',
  });
export type SourceData = z.infer<typeof sourceSchema>;
