// Writes a synthetic content tree of N pages that uses every link kind, for measuring how the build
// scales:  node scripts/generate-corpus.ts <content-dir> <pages>
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPICS } from '../src/schemas/topics.ts';

export function generateCorpus(root: string, pages: number): void {
  const put = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const sources = 20;
  for (let i = 0; i < sources; i++) put(`sources/src-${i}.yaml`, `title: Source ${i}\nkind: web-page\nurl: https://example.org/${i}\ndate: "2026"\n`);
  const perTopic = Math.ceil(pages / TOPICS.length);
  const ids: string[] = [];
  for (const topic of TOPICS) for (let i = 0; i < perTopic && ids.length < pages; i++) ids.push(i === 0 ? topic : `${topic}/page-${i}`);
  const terms = Math.max(10, Math.floor(pages / 10));
  for (let i = 0; i < terms; i++) {
    put(`glossary/term-${i}.yaml`, `term: TERM${i}\nexpansion: Term number ${i}\ndefinition: A generated glossary term used to measure the build at scale.\naliases: [term number ${i}]\npage: ${ids[i % ids.length]}#overview\n`);
    put(`symbols/sym_${i}.yaml`, `name: sym_${i}\nkind: function\nfile: arch/x86/kvm/generated.c\nsummary: A generated symbol used to measure the build at scale.\n`);
  }
  ids.forEach((id, i) => {
    const topic = id.split('/')[0];
    const other = (k: number) => ids[(i + k * 37 + 1) % ids.length]!;
    const body = [
      `Generated page ${i} links to [[${other(1)}]], [[${other(2)}#details|details elsewhere]] and [[#details|below]].`,
      '',
      '## Overview',
      '',
      `It uses [[term:TERM${i % terms}]] and [[term:term number ${(i + 1) % terms}|a term by alias]], the symbols [[sym:sym_${i % terms}]] and`,
      `[[sym:sym_${(i + 3) % terms}]], and cites [[cite:src-${i % sources}]] and [[cite:src-${(i + 1) % sources}|§${i}]].`,
      '',
      '## Details',
      '',
      '| Field | Bits | Meaning |',
      '|---|---|---|',
      ...Array.from({ length: 8 }, (_, r) => `| F${r} | ${r * 8 + 7}:${r * 8} | Row ${r} of page ${i}, see [[${other(r + 3)}]] |`),
      '',
      '```c',
      `static int generated_${i}(struct kvm_vcpu *vcpu)`,
      '{',
      '\treturn 0;',
      '}',
      '```',
      '',
    ].join('\n');
    const path = id === topic ? `docs/${topic}/index.mdx` : `docs/${id}.mdx`;
    put(path, `---\ntitle: Generated page ${i}\nsummary: A generated page in topic ${topic}, used to measure how the build grows with page count.\ntopic: ${topic}\nvendor: none\nkind: reference\naliases: [GEN${i}]\nsources: [src-${i % sources}]\nupdated: 2026-11-24\norder: ${i}\n---\n\n${body}`);
  });
  put('paths.yaml', `- id: start-here\n  title: Start here\n  description: A generated reading path.\n  pages: [${ids.slice(0, 10).join(', ')}]\n`);
}

if (import.meta.main) {
  const [root, count] = process.argv.slice(2);
  if (!root || !count) {
    console.error('usage: node scripts/generate-corpus.ts <content-dir> <pages>');
    process.exit(2);
  }
  generateCorpus(root, Number(count));
}
