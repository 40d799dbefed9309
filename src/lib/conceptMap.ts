import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import ELK, { type ELKConstructorArguments, type ElkNode } from 'elkjs/lib/elk-api.js';

/**
 * The concept map's layout, computed at build time by ELK (the Eclipse Layout Kernel, elkjs): each topic is
 * a cluster whose pages ELK packs as rectangles in reading order, and the clusters are packed in turn.
 * Every node is a box that holds its dot and its full title, so ELK's guarantee that nodes do not overlap
 * is a guarantee that labels do not. ELK is deterministic: the same content gives the same SVG byte for
 * byte.
 *
 * Two variants: 'wide' for desktops and 'tall' for phones (clusters in one column, labels wrapped shorter).
 */
export type MapVariant = 'wide' | 'tall';

export interface MapNode {
  id: string;
  label: string;
  title: string;
  group: string;
  url: string;
}
export type MapEdge = [from: string, to: string];

export interface Box { x: number; y: number; width: number; height: number }
export interface PlacedNode extends Box { id: string; lines: string[] }
export interface PlacedCluster extends Box { group: string }
export interface MapLayout { width: number; height: number; nodes: Map<string, PlacedNode>; clusters: PlacedCluster[] }

/** Type metrics the boxes are sized with: a generous average advance for sans-serif text, so text fits its box. */
export const MAP_TEXT = { fontSize: 12, charWidth: 7.2, lineHeight: 15, dot: 18, padX: 6, padY: 4 } as const;
/** Characters per label line in each variant: tall lines fit a 375 px phone at full scale. */
const LINE_CHARS: Record<MapVariant, number> = { wide: 34, tall: 36 };
const CLUSTER_TITLE = 26;

/** Greedy word wrap: lines of at most `max` characters, a longer word alone on its line. */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The box a label needs: dot, then the longest line; one line height per line. */
function labelSize(lines: string[]) {
  const longest = Math.max(...lines.map((l) => l.length));
  return {
    width: Math.ceil(MAP_TEXT.dot + longest * MAP_TEXT.charWidth + MAP_TEXT.padX),
    height: lines.length * MAP_TEXT.lineHeight + 2 * MAP_TEXT.padY,
  };
}

// ELK runs in a worker thread, not on the thread that renders pages: Astro renders other pages while the
// map is laid out (about a second at 2,000 pages). The worker hosts elkjs's own in-process worker
// (elk-worker.min.js, as elk.bundled.js does) and relays its messages.
const ELK_WORKER_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { Worker } = require(workerData.elkWorker);
const elk = new Worker();
elk.onmessage = (answer) => parentPort.postMessage(answer.data);
parentPort.on('message', (message) => elk.postMessage(message));
`;

/** One layout in its own worker thread, ended when the layout is done. */
async function layoutInWorker(root: ElkNode): Promise<ElkNode> {
  const thread = new Worker(ELK_WORKER_THREAD, { eval: true, workerData: { elkWorker: createRequire(import.meta.url).resolve('elkjs/lib/elk-worker.min.js') } });
  const elk = new ELK({
    // elkjs types the factory's result as a DOM Worker; it uses only these three members.
    workerFactory: (() => ({
      postMessage: (message: unknown) => thread.postMessage(message),
      set onmessage(receive: (answer: { data: unknown }) => void) {
        thread.on('message', (data) => receive({ data }));
      },
      terminate: () => void thread.terminate(),
    })) as unknown as NonNullable<ELKConstructorArguments['workerFactory']>,
  });
  try {
    return await Promise.race([
      elk.layout(root),
      new Promise<never>((_, reject) => thread.once('error', reject)),
    ]);
  } finally {
    elk.terminateWorker();
  }
}

// Links are not given to ELK: rectangle packing places boxes without regard to edges (the layout is the same
// with or without them), and at 2,000 pages passing them cost a fifth of the layout time.
export async function layoutConceptMap(nodes: MapNode[], groups: readonly string[], variant: MapVariant): Promise<MapLayout> {
  const lines = new Map(nodes.map((n) => [n.id, wrapLabel(n.title, LINE_CHARS[variant])]));
  const present = groups.filter((g) => nodes.some((n) => n.group === g));
  const clusters: ElkNode[] = present.map((group, order) => ({
    id: `cluster:${group}`,
    layoutOptions: {
      // Inside a topic, pages are packed in reading order (the landing page first) into rows of a set
      // width: two or three columns on a desktop, one on a phone (a target narrower than any label). Links are drawn over them.
      'elk.algorithm': 'rectpacking',
      'elk.rectpacking.widthApproximation.strategy': 'TARGET_WIDTH',
      'elk.rectpacking.widthApproximation.targetWidth': variant === 'wide' ? '540' : '120',
      'elk.padding': `[top=${CLUSTER_TITLE},left=8,bottom=8,right=8]`,
      'elk.spacing.nodeNode': '6',
      'elk.priority': String(present.length - order),
    },
    children: nodes.filter((n) => n.group === group).map((n) => ({ id: n.id, ...labelSize(lines.get(n.id)!) })),
  }));
  const root: ElkNode = {
    id: 'root',
    layoutOptions: variant === 'wide'
      ? { 'elk.algorithm': 'rectpacking', 'elk.aspectRatio': '1.6', 'elk.spacing.nodeNode': '14', 'elk.padding': '[top=4,left=4,bottom=4,right=4]', 'elk.rectpacking.widthApproximation.strategy': 'TARGET_WIDTH', 'elk.rectpacking.widthApproximation.targetWidth': '1180' }
      : { 'elk.algorithm': 'box', 'elk.aspectRatio': '0.05', 'elk.spacing.nodeNode': '12', 'elk.padding': '[top=4,left=4,bottom=4,right=4]', 'elk.box.packingMode': 'SIMPLE' },
    children: clusters,
  };
  const out = await layoutInWorker(root);
  const placed = new Map<string, PlacedNode>();
  const placedClusters: PlacedCluster[] = [];
  const round = (v: number | undefined) => Math.round((v ?? 0) * 10) / 10;
  for (const cluster of out.children ?? []) {
    const cx = round(cluster.x);
    const cy = round(cluster.y);
    placedClusters.push({ group: cluster.id.slice('cluster:'.length), x: cx, y: cy, width: round(cluster.width), height: round(cluster.height) });
    for (const child of cluster.children ?? []) {
      placed.set(child.id, { id: child.id, lines: lines.get(child.id)!, x: round(cx + (child.x ?? 0)), y: round(cy + (child.y ?? 0)), width: round(child.width), height: round(child.height) });
    }
  }
  return { width: Math.ceil(out.width ?? 0), height: Math.ceil(out.height ?? 0), nodes: placed, clusters: placedClusters };
}

/** Pairs of boxes that overlap (for tests: labels are the node boxes, so none may). */
export function overlappingBoxes(boxes: (Box & { id: string })[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) out.push([a.id, b.id]);
    }
  }
  return out;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where a node's dot sits: its links and the path start and end there. */
const dotOf = (n: PlacedNode) => ({ x: Math.round((n.x + MAP_TEXT.dot / 2) * 10) / 10, y: Math.round((n.y + MAP_TEXT.padY + MAP_TEXT.lineHeight / 2) * 10) / 10 });

/**
 * The map as a static SVG: topic clusters, links (one line per linked pair, classed by both topics so CSS
 * can filter them), the reading path as a polyline, and every page as a link showing its full title.
 */
export function renderConceptMapSvg(opts: {
  layout: MapLayout; nodes: MapNode[]; edges: MapEdge[]; path: string[]; variant: MapVariant; label: string; groupLabels: Record<string, string>;
}): string {
  const { layout, nodes, edges, path, variant, label, groupLabels } = opts;
  const groupOf = new Map(nodes.map((n) => [n.id, n.group]));
  const clusters = layout.clusters
    .map((c) => `<rect class="cluster topic-${c.group}" x="${c.x}" y="${c.y}" width="${c.width}" height="${c.height}" rx="6"/>` +
      `<text class="cluster-title topic-${c.group}" x="${c.x + 8}" y="${c.y + 17}">${escapeXml(groupLabels[c.group] ?? c.group)}</text>`)
    .join('');
  const seen = new Set<string>();
  const lines = edges
    .filter(([a, b]) => {
      const key = [a, b].sort().join(' ');
      if (a === b || seen.has(key) || !layout.nodes.has(a) || !layout.nodes.has(b)) return false;
      seen.add(key);
      return true;
    })
    .map(([a, b]) => {
      const p = dotOf(layout.nodes.get(a)!);
      const q = dotOf(layout.nodes.get(b)!);
      return `<line class="t-${groupOf.get(a)} t-${groupOf.get(b)}" data-a="${escapeXml(a)}" data-b="${escapeXml(b)}" x1="${p.x}" y1="${p.y}" x2="${q.x}" y2="${q.y}"/>`;
    })
    .join('');
  const points = path.filter((id) => layout.nodes.has(id)).map((id) => dotOf(layout.nodes.get(id)!)).map((p) => `${p.x},${p.y}`).join(' ');
  const nodeMarkup = nodes
    .filter((n) => layout.nodes.has(n.id))
    .map((n) => {
      const box = layout.nodes.get(n.id)!;
      const dot = dotOf(box);
      const onPath = path.includes(n.id) ? ' on-path' : '';
      const text = box.lines
        // A space ends every line but the last, so the text reads as the title (its accessible name) once joined.
        .map((line, i, all) => `<tspan x="${box.x + MAP_TEXT.dot}" y="${Math.round((dot.y + 4 + i * MAP_TEXT.lineHeight) * 10) / 10}">${escapeXml(line)}${i < all.length - 1 ? ' ' : ''}</tspan>`)
        .join('');
      return `<a class="node topic-${n.group}${onPath}" href="${escapeXml(n.url)}" data-node="${escapeXml(n.id)}" aria-label="${escapeXml(n.title)}">` +
        `<rect class="hit" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="4"/>` +
        `<circle cx="${dot.x}" cy="${dot.y}" r="5"/><text>${text}</text></a>`;
    })
    .join('');
  return `<svg class="concept-map map-${variant}" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="group" aria-label="${escapeXml(label)}">` +
    `<g aria-hidden="true">${clusters}</g><g class="edges" aria-hidden="true">${lines}</g>` +
    (points ? `<polyline class="reading-path" aria-hidden="true" points="${points}"/>` : '') +
    `<g class="nodes">${nodeMarkup}</g></svg>`;
}
