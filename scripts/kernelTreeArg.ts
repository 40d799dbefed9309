// The kernel tree a verify:* script was given on its command line, and its exact version (from the
// tree's Makefile); exits with the usage or the reason when there is none.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { kernelTreeVersion } from '../src/lib/kernelVersion.ts';

export function kernelTreeFromArgs(usage: string): { tree: string; version: string } {
  const tree = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!tree || !existsSync(join(tree, 'Makefile'))) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  try {
    return { tree, version: kernelTreeVersion(tree) };
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}
