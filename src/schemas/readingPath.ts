import { z } from 'zod';

/** content/paths.yaml: curated reading paths across topics. */
export const readingPathSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  description: z.string().min(1),
  pages: z.array(z.string().min(1)).min(2),
});
export const readingPathsSchema = z.array(readingPathSchema);
export type ReadingPathData = z.infer<typeof readingPathSchema>;
