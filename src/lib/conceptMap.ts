import { TOPICS } from '../schemas/topics.ts';

export interface MapNode {
  id: string;
  label: string;
  title: string;
  group: string;
  url: string;
}
export type MapEdge = [from: string, to: string];
export interface Point { x: number; y: number }

/**
 * Deterministic force-directed layout (Fruchterman-Reingold with a pull towards each group's
 * sector), so the same content always yields the same SVG and no layout runs in the browser.
 */
export function layoutGraph(nodes: MapNode[], edges: MapEdge[], width: number, height: number, maxIterations = 400): Map<string, Point> {
  // Each iteration is O(n²): cap the total work so very large sites still build in seconds.
  const iterations = Math.max(20, Math.min(maxIterations, Math.floor(4e7 / Math.max(1, nodes.length) ** 2)));
  const groups = [...TOPICS] as string[];
  const cx = width / 2;
  const cy = height / 2;
  const radius = Math.min(width, height) * 0.36;
  const centre = (group: string): Point => {
    const i = Math.max(0, groups.indexOf(group));
    const angle = (2 * Math.PI * i) / groups.length - Math.PI / 2;
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
  };
  const pos = new Map<string, Point>();
  const byGroup = new Map<string, MapNode[]>();
  for (const n of nodes) byGroup.set(n.group, [...(byGroup.get(n.group) ?? []), n]);
  for (const [group, members] of byGroup) {
    const c = centre(group);
    members.forEach((n, i) => {
      const a = (2 * Math.PI * i) / members.length;
      pos.set(n.id, { x: c.x + 30 * Math.cos(a), y: c.y + 30 * Math.sin(a) });
    });
  }
  if (nodes.length === 1) {
    pos.set(nodes[0]!.id, { x: cx, y: cy });
    return pos;
  }
  const k = Math.sqrt((width * height) / Math.max(nodes.length, 1)) * 0.7;
  let temperature = width / 8;
  // Room for labels (about 26 characters wide) so nodes at the edge keep their text on the canvas.
  const margin = 110;
  for (let step = 0; step < iterations; step++) {
    const disp = new Map<string, Point>(nodes.map((n) => [n.id, { x: 0, y: 0 }]));
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = pos.get(nodes[i]!.id)!;
        const b = pos.get(nodes[j]!.id)!;
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        const dist = Math.max(Math.hypot(dx, dy), 0.01);
        if (dist === 0.01) { dx = 0.01 * (i + 1); dy = 0.01 * (j + 1); }
        const force = (k * k) / dist;
        const da = disp.get(nodes[i]!.id)!;
        const db = disp.get(nodes[j]!.id)!;
        da.x += (dx / dist) * force; da.y += (dy / dist) * force;
        db.x -= (dx / dist) * force; db.y -= (dy / dist) * force;
      }
    }
    for (const [from, to] of edges) {
      const a = pos.get(from);
      const b = pos.get(to);
      if (!a || !b) continue;
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const dist = Math.max(Math.hypot(dx, dy), 0.01);
      // Dense link graphs would collapse into a ball: keep attraction gentle relative to repulsion.
      const force = (dist * dist) / k / 8;
      const da = disp.get(from)!;
      const db = disp.get(to)!;
      da.x -= (dx / dist) * force; da.y -= (dy / dist) * force;
      db.x += (dx / dist) * force; db.y += (dy / dist) * force;
    }
    for (const n of nodes) {
      const p = pos.get(n.id)!;
      const d = disp.get(n.id)!;
      const c = centre(n.group);
      d.x += (c.x - p.x) * 0.25;
      d.y += (c.y - p.y) * 0.25;
      const len = Math.max(Math.hypot(d.x, d.y), 0.01);
      p.x = Math.min(width - margin, Math.max(margin, p.x + (d.x / len) * Math.min(len, temperature)));
      p.y = Math.min(height - 40, Math.max(30, p.y + (d.y / len) * Math.min(len, temperature)));
    }
    temperature = Math.max(0.5, temperature * 0.985);
  }
  for (const p of pos.values()) { p.x = Math.round(p.x); p.y = Math.round(p.y); }
  return pos;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Renders a laid-out graph as an inline SVG whose nodes are links; colours come from CSS classes per group. */
export function renderGraphSvg(opts: {
  nodes: MapNode[];
  edges: MapEdge[];
  width: number;
  height: number;
  label: string;
  current?: string;
}): string {
  const { nodes, edges, width, height, label, current } = opts;
  const pos = layoutGraph(nodes, edges, width, height);
  const lines = edges
    .filter(([a, b]) => pos.has(a) && pos.has(b))
    .map(([a, b]) => {
      const p = pos.get(a)!;
      const q = pos.get(b)!;
      return `<line x1="${p.x}" y1="${p.y}" x2="${q.x}" y2="${q.y}"/>`;
    })
    .join('');
  const nodeMarkup = nodes
    .map((n) => {
      const p = pos.get(n.id)!;
      const cls = `node topic-${n.group}${n.id === current ? ' current' : ''}`;
      return `<a class="${cls}" href="${escapeXml(n.url)}" aria-label="${escapeXml(n.title)}"${n.id === current ? ' aria-current="page"' : ''}>` +
        `<circle cx="${p.x}" cy="${p.y}" r="${n.id === current ? 11 : 8}"/>` +
        `<text x="${p.x}" y="${p.y + 22}" text-anchor="middle">${escapeXml(n.label)}</text></a>`;
    })
    .join('');
  return `<svg class="graph" viewBox="0 0 ${width} ${height}" role="group" aria-label="${escapeXml(label)}">` +
    `<g class="edges" aria-hidden="true">${lines}</g><g class="nodes">${nodeMarkup}</g></svg>`;
}

/**
 * A short node label: the title cut at a word boundary. No ellipsis, so the visible label stays a
 * substring of the link's accessible name (the full title), as WCAG "label in name" requires.
 */
export function shortLabel(title: string, max = 26): string {
  if (title.length <= max) return title;
  // Whole words only: a label that ends mid-word no longer reads as part of the name.
  const space = title.lastIndexOf(' ', max);
  const cut = space > 0 ? title.slice(0, space) : title.split(' ')[0]!;
  return cut.replace(/[\s,:;–-]+$/, '');
}
