import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { splitFrontmatter } from './frontmatter.ts';
import { CONTENT_ROOT } from './project.ts';
import { parseYamlWith, valuesCutByComments } from './yamlData.ts';

const schema = z.object({ name: z.string(), pages: z.array(z.string()) }).strict();

describe('parseYamlWith', () => {
  it('reads valid content', () => {
    expect(parseYamlWith(schema, 'name: kvm_apic\npages: [a, b]\n', 'x.yaml')).toMatchObject({ data: { name: 'kvm_apic', pages: ['a', 'b'] }, errors: [] });
  });

  it('names the line of an invalid field, shifted for frontmatter', () => {
    const { errors } = parseYamlWith(schema, 'name: kvm_apic\npages: 3\n', 'x.mdx', 1);
    expect(errors.map(String)).toEqual([expect.stringMatching(/x\.mdx:3\b.*field "pages"/)]);
  });

  it('names the line of broken YAML', () => {
    const { data, errors } = parseYamlWith(schema, 'name: a\nname: b\npages: []\n', 'x.yaml');
    expect(data).toBeNull();
    expect(errors.map(String)).toEqual([expect.stringMatching(/x\.yaml:2\b.*invalid YAML/)]);
  });

  it('refuses a value without quotes that a comment cuts short, naming its line', () => {
    const { data, errors } = parseYamlWith(schema, 'name: changed on VMRUN or #VMEXIT\npages: [a]\n', 'x.mdx', 1);
    expect(data).toBeNull();
    expect(errors.map(String)).toEqual([expect.stringMatching(/x\.mdx:2\b.*" #" .*starts a YAML comment.*quote the value/)]);
    // List items, flow sequences, the line after a block scalar in a list item, a continued value, a tagged one.
    expect(valuesCutByComments('pages:\n  - item one # note\n')).toEqual([2]);
    expect(valuesCutByComments('q: [a, b #c\n  , d]\n')).toEqual([1]);
    expect(valuesCutByComments('- note: |\n    x #1\n  name: y #z\n')).toEqual([3]);
    expect(valuesCutByComments('summary: first\n  more #VMEXIT x\n')).toEqual([2]);
    expect(valuesCutByComments('a: !!str x #y\n')).toEqual([1]);
    // Quoted values (also in lists and flow sequences), "#" inside a word, comments on lines of their
    // own or after a quoted value, and a block scalar's text are fine.
    const fine = ['name: "changed on #VMEXIT"', '# a comment', 'url: a#b', 'aliases: [x, "y #1"]', 'title: "x" # note', 'note: > # c', '  text #x'];
    expect(parseDocument(fine.join('\n')).errors).toEqual([]);
    expect(valuesCutByComments(fine.join('\n'))).toEqual([]);
    expect(valuesCutByComments('- same: ["erratum #1235", errata]\n- query: \'a #b\'\n')).toEqual([]);
  });

  it('decides as the yaml package where js-yaml reads a scalar differently', () => {
    // js-yaml reads 0b11 as the number 3; the yaml package's 1.2 core schema keeps the string.
    expect(load('v: 0b11', { schema: CORE_SCHEMA })).toEqual({ v: 3 });
    expect(parseYamlWith(schema, 'name: 0b11\npages: []\n', 'x.yaml')).toMatchObject({ data: { name: '0b11' }, errors: [] });
  });

  it('reads every content file and frontmatter as the yaml package does', () => {
    const texts = readdirSync(CONTENT_ROOT, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ya?ml|mdx)$/.test(e.name))
      .map((e) => {
        const text = readFileSync(join(e.parentPath, e.name), 'utf8');
        return { file: e.name, yaml: e.name.endsWith('.mdx') ? splitFrontmatter(text)?.yaml : text };
      })
      .filter((t): t is { file: string; yaml: string } => t.yaml !== undefined);
    expect(texts.length).toBeGreaterThan(300);
    for (const { file, yaml } of texts) expect(load(yaml, { schema: CORE_SCHEMA }), file).toEqual(parseDocument(yaml).toJS());
  });
});
