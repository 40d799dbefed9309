import { describe, expect, it } from 'vitest';
import { layoutConceptMap, MAP_TEXT, overlappingBoxes, renderConceptMapSvg, wrapLabel, type MapEdge, type MapNode } from './conceptMap.ts';

const groups = ['apic', 'apicv', 'avic'];
const words = ['local', 'APIC', 'virtual-interrupt', 'delivery', 'and', 'the', 'posted-interrupt', 'descriptor', 'in', 'nested', 'guests'];
// 30 pages with titles of 2 to 9 words, in three topics, each linking to the next two.
const nodes: MapNode[] = Array.from({ length: 30 }, (_, i) => {
  const title = Array.from({ length: 2 + (i % 8) }, (_, w) => words[(i + w) % words.length]).join(' ');
  return { id: `p${i}`, label: title, title, group: groups[i % 3]!, url: `/p${i}/` };
});
const edges: MapEdge[] = nodes.flatMap((n, i) => [[n.id, `p${(i + 1) % 30}`], [n.id, `p${(i + 2) % 30}`]] as MapEdge[]);

describe('wrapLabel', () => {
  it('wraps at spaces within the line length, a long word alone', () => {
    expect(wrapLabel('The APIC-access page and APIC-register virtualization', 34)).toEqual(['The APIC-access page and', 'APIC-register virtualization']);
    expect(wrapLabel('Short', 34)).toEqual(['Short']);
    expect(wrapLabel('a supercalifragilistic b', 5)).toEqual(['a', 'supercalifragilistic', 'b']);
  });
});

describe('layoutConceptMap', () => {
  for (const variant of ['wide', 'tall'] as const) {
    it(`${variant}: places every page once, inside the canvas and its topic's cluster, with no two label boxes overlapping`, async () => {
      const layout = await layoutConceptMap(nodes, groups, variant);
      expect(layout.nodes.size).toBe(30);
      expect(overlappingBoxes([...layout.nodes.values()])).toEqual([]);
      expect(overlappingBoxes(layout.clusters.map((c) => ({ ...c, id: c.group })))).toEqual([]);
      for (const n of nodes) {
        const box = layout.nodes.get(n.id)!;
        const cluster = layout.clusters.find((c) => c.group === n.group)!;
        expect(box.x).toBeGreaterThanOrEqual(cluster.x);
        expect(box.y).toBeGreaterThanOrEqual(cluster.y);
        expect(box.x + box.width).toBeLessThanOrEqual(cluster.x + cluster.width);
        expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
        // The box holds the label: its longest line at the generous character width.
        expect(box.width).toBeGreaterThanOrEqual(MAP_TEXT.dot + Math.max(...box.lines.map((l) => l.length)) * MAP_TEXT.charWidth);
        expect(box.lines.join(' ')).toBe(n.title);
      }
    });
  }

  it('tall fits a 375 px phone (325 px inside the frame) at full size; wide is wider than tall', async () => {
    const [tall, wide] = await Promise.all([layoutConceptMap(nodes, groups, 'tall'), layoutConceptMap(nodes, groups, 'wide')]);
    expect(tall.width).toBeLessThanOrEqual(325);
    expect(wide.width).toBeGreaterThan(tall.width);
    expect(wide.width).toBeLessThanOrEqual(1200);
  });

  it('is deterministic: the same input gives the same SVG', async () => {
    const render = async () => renderConceptMapSvg({
      layout: await layoutConceptMap(nodes, groups, 'wide'), nodes, edges, path: ['p0', 'p5', 'p9'], variant: 'wide', label: 'Map', groupLabels: {},
    });
    expect(await render()).toBe(await render());
  });
});

describe('renderConceptMapSvg', () => {
  it('draws each linked pair once, classed by both topics, the path through its pages, and each page as a link with its full title', async () => {
    const few = nodes.slice(0, 3);
    const links: MapEdge[] = [['p0', 'p1'], ['p1', 'p0'], ['p1', 'p2']];
    const svg = renderConceptMapSvg({
      layout: await layoutConceptMap(few, groups, 'wide'), nodes: few, edges: links, path: ['p0', 'p2'], variant: 'wide', label: 'Map', groupLabels: { apic: 'Local APIC' },
    });
    expect(svg.match(/<line /g)).toHaveLength(2);
    expect(svg).toContain('<line class="t-apic t-apicv" data-a="p0" data-b="p1"');
    expect(svg.match(/<polyline class="reading-path"[^>]*points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"/)).not.toBeNull();
    expect(svg).toContain(`<a class="node topic-apic on-path" href="/p0/" data-node="p0" aria-label="${few[0]!.title}">`);
    expect(svg).toContain('>Local APIC</text>');
    // Wrapped lines end in a space so the label's text is the whole title.
    const long = nodes.find((n) => n.title.length > 34)!;
    const one = renderConceptMapSvg({ layout: await layoutConceptMap([long], groups, 'wide'), nodes: [long], edges: [], path: [], variant: 'wide', label: 'Map', groupLabels: {} });
    expect(/<text>(.*?)<\/text>/.exec(one)![1]!.replace(/<[^>]+>/g, '')).toBe(long.title);
  });
});
