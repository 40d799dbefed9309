import { z } from 'zod';
import { KERNEL_VERSION_PATTERN } from '../lib/kernelVersion.ts';
import { SYMBOL_KINDS } from './topics.ts';

/** A kernel symbol, one YAML file per symbol under content/symbols/. */
export const symbolSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a C identifier'),
  kind: z.enum(SYMBOL_KINDS),
  /** Path in the kernel tree where the symbol is defined. */
  file: z.string().regex(/^[a-z0-9_./-]+\.[ch]$/, 'a kernel path ending in .c or .h'),
  summary: z.string().min(10).max(240),
  /**
   * The page that explains the symbol, as a glossary term's `page`: a page id, optionally with #anchor.
   * Without it, the symbol's search card names the page that names the symbol most.
   */
  page: z.string().min(1).optional(),
  /**
   * Exact kernel versions in which `npm run verify:symbols` found the definition at `file`: an upstream
   * tag (`v6.12`) or a stable/distribution release (`6.12.118`), as the tree's Makefile says.
   */
  checked: z.array(z.string().regex(KERNEL_VERSION_PATTERN, 'an exact kernel version such as v6.12 or 6.12.118')).default([]),
  /** Set for symbols that exist only in a proposed patch, never in a release. */
  proposedBy: z.string().optional(),
});
export type SymbolData = z.infer<typeof symbolSchema>;
