// Checks every kernel symbol in content/symbols/ against a kernel tree:
//   npm run verify:symbols -- <path-to-kernel-tree> [--record]
// With --record, the tree's exact version (from its Makefile: 6.12.118 for a stable or Debian tree,
// v6.12 for an upstream tag) is added to `checked` of each symbol found.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { kernelTreeFromArgs } from './kernelTreeArg.ts';
import { findDefinition } from '../src/lib/symbolDefinition.ts';
import { buildSite } from '../src/lib/site.ts';
import { CONTENT_ROOT } from '../src/lib/project.ts';

const args = process.argv.slice(2);
const record = args.includes('--record');
const { tree, version } = kernelTreeFromArgs('npm run verify:symbols -- <path-to-kernel-tree> [--record]');
console.log(`kernel tree ${tree}: version ${version} (from its Makefile)\n`);

const site = buildSite(CONTENT_ROOT);
let failures = 0;
for (const symbol of [...site.symbols.values()].sort((a, b) => a.data.name.localeCompare(b.data.name))) {
  const { name, file, proposedBy } = symbol.data;
  if (proposedBy) {
    console.log(`skip  ${name} (proposed by ${proposedBy}, not in any release)`);
    continue;
  }
  const path = join(tree, file);
  const line = existsSync(path) ? findDefinition(readFileSync(path, 'utf8'), symbol.data) : null;
  if (line === null) {
    failures++;
    console.log(`FAIL  ${name}: no ${symbol.data.kind} definition in ${file} (${version}) [${symbol.file}]`);
    continue;
  }
  console.log(`ok    ${name}  ${file}:${line}`);
  if (record && !symbol.data.checked.includes(version)) {
    const doc = parseDocument(readFileSync(symbol.file, 'utf8'));
    doc.set('checked', [...symbol.data.checked, version].sort());
    writeFileSync(symbol.file, doc.toString({ lineWidth: 0 }));
  }
}
console.log(`\n${site.symbols.size} symbols, ${failures} not found in ${version} at ${tree}`);
process.exit(failures ? 1 : 0);
