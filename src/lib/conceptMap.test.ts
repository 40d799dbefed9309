import { describe, expect, it } from 'vitest';
import { layoutGraph, renderGraphSvg, shortLabel, type MapNode } from './conceptMap.ts';

const nodes: MapNode[] = ['a', 'b', 'c', 'd'].map((id, i) => ({
  id, label: id.toUpperCase(), title: `Page ${id}`, group: i < 2 ? 'apic' : 'avic', url: `/${id}/`,
}));
const edges: [string, string][] = [['a', 'b'], ['b', 'c'], ['c', 'd']];

describe('concept map', () => {
  it('lays out deterministically inside the canvas', () => {
    const first = layoutGraph(nodes, edges, 600, 400);
    expect(layoutGraph(nodes, edges, 600, 400)).toEqual(first);
    for (const p of first.values()) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(600);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(400);
    }
    const distinct = new Set([...first.values()].map((p) => `${p.x},${p.y}`));
    expect(distinct.size).toBe(nodes.length);
  });

  it('renders every node as a labelled link coloured by its topic', () => {
    const svg = renderGraphSvg({ nodes, edges, width: 600, height: 400, label: 'Test map', current: 'b' });
    expect(svg.match(/<a /g)).toHaveLength(4);
    expect(svg).toContain('<a class="node topic-apic current" href="/b/" aria-label="Page b" aria-current="page">');
    expect(svg.match(/<line /g)).toHaveLength(3);
    expect(svg).toContain('aria-label="Test map"');
  });

  it('shortens long labels at a word boundary', () => {
    expect(shortLabel('Short title')).toBe('Short title');
    expect(shortLabel('A much longer title that will not fit in the node')).toBe('A much longer title that');
    expect(shortLabel("KVM's AVIC implementation map", 22)).toBe("KVM's AVIC");
    expect(shortLabel('Supercalifragilisticexpialidocious words', 10)).toBe('Supercalifragilisticexpialidocious');
  });
});
