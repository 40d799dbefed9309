// Checks every `file:line` reference in the pages (content/docs) and the explainers' logic and tests
// (src/lib/explainers) against a kernel tree:
//   npm run verify:lines -- <path-to-kernel-tree>
// References for the tree's exact version must land on the identifier they name; each one that moved is
// reported with where that identifier is now. References for other versions are counted, not checked.
// The convention a reference follows is in src/lib/lineReferences.ts and README ("Line references").
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkReference, describeCheck, findLineReferences, type KernelTree } from '../src/lib/lineReferences.ts';
import { kernelTreeFromArgs } from './kernelTreeArg.ts';

const ROOT = join(import.meta.dirname, '..');
const { tree, version } = kernelTreeFromArgs('npm run verify:lines -- <path-to-kernel-tree>');

const walk = (dir: string, keep: (name: string) => boolean): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), keep) : keep(e.name) ? [join(dir, e.name)] : [],
  );

const treeFiles = walk(tree, (n) => /\.[chS]$/.test(n)).map((f) => relative(tree, f));
const cache = new Map<string, string[]>();
const kernel: KernelTree = {
  version,
  filesEnding: (path) => treeFiles.filter((f) => f === path || f.endsWith(`/${path}`)),
  lines: (file) => {
    if (!cache.has(file)) cache.set(file, readFileSync(join(tree, file), 'utf8').split('\n'));
    return cache.get(file)!;
  },
};

const sources = [
  ...walk(join(ROOT, 'content/docs'), (n) => n.endsWith('.mdx')),
  ...walk(join(ROOT, 'src/lib/explainers'), (n) => n.endsWith('.ts')),
].sort();

const counts = { checked: 0, other: 0, problems: 0 };
const otherVersions = new Map<string, number>();
for (const file of sources) {
  for (const ref of findLineReferences(readFileSync(file, 'utf8'), relative(ROOT, file))) {
    const check = checkReference(ref, kernel);
    if (check.status === 'other-version') {
      counts.other++;
      otherVersions.set(ref.version!, (otherVersions.get(ref.version!) ?? 0) + 1);
      continue;
    }
    const problem = describeCheck(ref, check, version);
    if (problem) {
      counts.problems++;
      console.log(problem);
    } else counts.checked++;
  }
}
const others = [...otherVersions].map(([v, n]) => `${n} for ${v}`).join(', ');
console.log(
  `\nkernel tree ${tree}: version ${version} (from its Makefile)\n` +
    `${counts.checked} line references land on what they name, ${counts.problems} need attention` +
    `${counts.other ? `; not checked against this tree: ${others}` : ''}`,
);
process.exit(counts.problems ? 1 : 0);
