import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The exact version of a kernel tree, read from its top-level Makefile.
 *
 * A mainline tree (SUBLEVEL 0) is named by its upstream tag, `v6.12` or `v6.13-rc3`. A stable or
 * distribution tree (SUBLEVEL > 0) is named by its release number, `6.12.118`, without the `v` of a
 * tag: Debian's linux-source-6.12 says 6.12.118 in its Makefile but carries Debian's own patches, so
 * it is not claimed to be the upstream tag v6.12.118, and never "v6.12".
 */
export function kernelVersionFromMakefile(makefile: string): string {
  const field = (key: string) => new RegExp(`^${key}[ \\t]*=[ \\t]*(\\S*)[ \\t]*$`, 'm').exec(makefile)?.[1];
  const [version, patchlevel, sublevel] = ['VERSION', 'PATCHLEVEL', 'SUBLEVEL'].map(field);
  const extra = field('EXTRAVERSION') ?? '';
  const numbers = [version, patchlevel, sublevel];
  if (!numbers.every((n) => n !== undefined && /^\d+$/.test(n)))
    throw new Error('not a kernel Makefile: expected numeric VERSION, PATCHLEVEL and SUBLEVEL lines');
  if (!/^(-rc\d+)?$/.test(extra)) throw new Error(`unsupported EXTRAVERSION "${extra}" (expected empty or -rcN)`);
  return Number(sublevel) === 0 ? `v${version}.${patchlevel}${extra}` : `${version}.${patchlevel}.${sublevel}${extra}`;
}

/** A version as kernelVersionFromMakefile() writes it: `v6.12`, `v6.13-rc3` or `6.12.118`. */
export const KERNEL_VERSION_PATTERN = /^(v\d+\.\d+(-rc\d+)?|\d+\.\d+\.[1-9]\d*)$/;

/** Whether two spellings name the same release (`v6.12.118` and `6.12.118` do; `v6.12` and `6.12.118` do not). */
export const sameKernelVersion = (a: string, b: string) => a.replace(/^v/, '') === b.replace(/^v/, '');

/** The version of the kernel tree at `dir`; throws naming the Makefile if it cannot be read. */
export function kernelTreeVersion(dir: string): string {
  const path = join(dir, 'Makefile');
  try {
    return kernelVersionFromMakefile(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}
