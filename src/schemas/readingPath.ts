import { z } from 'zod';

/** One step of a path: a page id, or a page id with a note on what that step adds (shown where the path is listed in full). */
const stepSchema = z.union([z.string().min(1), z.strictObject({ page: z.string().min(1), note: z.string().min(1) })]);

/** content/paths.yaml: curated reading paths across topics. */
export const readingPathSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    description: z.string().min(1),
    pages: z.array(stepSchema).min(2),
  })
  .transform(({ pages, ...path }) => ({
    ...path,
    pages: pages.map((s) => (typeof s === 'string' ? s : s.page)),
    notes: Object.fromEntries(pages.flatMap((s) => (typeof s === 'string' ? [] : [[s.page, s.note]]))) as Record<string, string>,
  }));
export const readingPathsSchema = z.array(readingPathSchema);
export type ReadingPathData = z.output<typeof readingPathSchema>;
