// A buying committee as a graph (SVG): contacts as nodes (role, stance by
// colour), influence (1–5) as the weight of the node's outline and of its
// reports-to arrow, reports-to as arrows from a contact to the contact it
// reports to. Layout: the contacts nobody in the tree is above on the top
// row, each level of reports below.
import { humanize, svg } from './format.js';

const NODE_W = 170;
const NODE_H = 54;
const GAP_X = 24;
const GAP_Y = 56;

const clip = (text) => (text.length > 27 ? `${text.slice(0, 26)}…` : text);

// members: [{contact_id, role, influence, stance, reports_to, active}]
// names: Map contact_id → display name (may lack entries).
export function decisionTree(members, names) {
  const byId = new Map(members.map((m) => [m.contact_id, m]));
  const level = new Map();
  const levelOf = (m, seen = new Set()) => {
    if (level.has(m.contact_id)) return level.get(m.contact_id);
    const boss = m.reports_to && byId.get(m.reports_to);
    // A cycle of reports-to links is drawn, not followed forever.
    const value = boss && !seen.has(boss.contact_id) ? levelOf(boss, seen.add(m.contact_id)) + 1 : 0;
    level.set(m.contact_id, value);
    return value;
  };
  members.forEach((m) => levelOf(m));
  const rows = [];
  for (const m of members) (rows[level.get(m.contact_id)] ||= []).push(m);
  const widest = Math.max(1, ...rows.map((r) => r.length));
  const width = widest * (NODE_W + GAP_X) + GAP_X;
  const height = rows.length * (NODE_H + GAP_Y) + 10;
  const place = new Map();
  rows.forEach((row, r) => row.forEach((m, i) => {
    const offset = (width - row.length * (NODE_W + GAP_X) + GAP_X) / 2;
    place.set(m.contact_id, { x: offset + i * (NODE_W + GAP_X), y: 10 + r * (NODE_H + GAP_Y) });
  }));

  const defs = svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'tree-arrowhead' })));
  const edges = members.filter((m) => m.reports_to && place.has(m.reports_to)).map((m) => {
    const from = place.get(m.contact_id);
    const to = place.get(m.reports_to);
    return svg('line', {
      x1: from.x + NODE_W / 2, y1: from.y, x2: to.x + NODE_W / 2, y2: to.y + NODE_H,
      class: 'tree-edge', 'stroke-width': 0.8 + (m.influence || 1) * 0.7, 'marker-end': 'url(#arrow)',
      dataset: { from: m.contact_id, to: m.reports_to },
    }, svg('title', {}, `${names.get(m.contact_id) || m.contact_id} reports to ${names.get(m.reports_to) || m.reports_to}`));
  });
  const nodes = members.map((m) => {
    const { x, y } = place.get(m.contact_id);
    return svg('g', { class: `tree-node stance-${m.stance || 'unknown'}${m.active === false ? ' inactive' : ''}`,
      dataset: { contact: m.contact_id, influence: String(m.influence ?? '') } },
    svg('rect', { x, y, width: NODE_W, height: NODE_H, rx: 6, 'stroke-width': 0.8 + (m.influence || 1) * 0.7 }),
    svg('text', { x: x + 8, y: y + 17, class: 'tree-name' }, clip(names.get(m.contact_id) || m.contact_id)),
    svg('text', { x: x + 8, y: y + 32 }, `${humanize(m.role)} · influence ${m.influence ?? '—'}`),
    svg('text', { x: x + 8, y: y + 46, class: 'tree-stance' }, humanize(m.stance || 'no stance')),
    svg('title', {}, `${m.contact_id}: ${humanize(m.role)}, influence ${m.influence}, ${humanize(m.stance)}`));
  });
  return svg('svg', { class: 'decision-tree', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-label': 'decision tree' }, defs, edges, nodes);
}
