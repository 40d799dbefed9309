import { z } from 'zod';
import { SYMBOL_KINDS } from './topics.ts';

/** A kernel symbol, one YAML file per symbol under content/symbols/. */
export const symbolSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a C identifier'),
  kind: z.enum(SYMBOL_KINDS),
  /** Path in the kernel tree where the symbol is defined. */
  file: z.string().regex(/^[a-z0-9_./-]+\.[ch]$/, 'a kernel path ending in .c or .h'),
  summary: z.string().min(10).max(240),
  /** Kernel versions in which `npm run verify:symbols` found the definition at `file`. */
  checked: z.array(z.string().regex(/^v\d+\.\d+$/)).default([]),
  /** Set for symbols that exist only in a proposed patch, never in a release. */
  proposedBy: z.string().optional(),
});
export type SymbolData = z.infer<typeof symbolSchema>;
