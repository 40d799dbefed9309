import { describe, expect, it } from 'vitest';
import { overlappingBoxes } from '../../src/lib/conceptMap.ts';
import { distPages, isDocPage } from './distSite.ts';

const pages = distPages();
const map = pages.find((p) => p.url === '/map/')!;

describe('concept map', () => {
  const svgs = map.root.querySelectorAll('svg.concept-map');

  it('comes in a wide and a tall (phone) variant, the tall one fitting a 375 px screen at full size', () => {
    expect(svgs.map((s) => s.classList.value.find((c) => c.startsWith('map-')))).toEqual(['map-wide', 'map-tall']);
    expect(Number(svgs[1]!.getAttribute('width'))).toBeLessThanOrEqual(325);
  });

  for (const [i, variant] of ['wide', 'tall'].entries()) {
    it(`${variant}: every doc page is a node linking to it, showing its full title, and no two label boxes overlap`, () => {
      const svg = svgs[i]!;
      const nodes = svg.querySelectorAll('a.node');
      expect(nodes.map((a) => a.getAttribute('href')).sort()).toEqual(pages.filter(isDocPage).map((p) => p.url).sort());
      // The text, its lines joined, is the full title: the visible label is the accessible name.
      for (const a of nodes) expect(a.querySelector('text')!.text).toBe(a.getAttribute('aria-label'));
      const boxes = nodes.map((a) => {
        const r = a.querySelector('rect.hit')!;
        return { id: a.getAttribute('href')!, x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')), width: Number(r.getAttribute('width')), height: Number(r.getAttribute('height')) };
      });
      expect(overlappingBoxes(boxes)).toEqual([]);
      expect(svg.querySelector('polyline.reading-path')).not.toBeNull();
    });
  }
});
