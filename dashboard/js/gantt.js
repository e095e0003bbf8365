// The stage plan against the stages actually reached, as a Gantt strip:
// per stage a hollow bar for the planned time in it and a filled bar for
// the actual time (SVG). Dates are ISO days ("2026-03-10").
import { svg } from './format.js';

const DAY_MS = 86400000;
const ROW = 22;
const LABEL = 190;
const WIDTH = 900;

function day(text) {
  return text ? Math.floor(Date.parse(`${String(text).slice(0, 10)}T00:00:00Z`) / DAY_MS) : null;
}
function isoDay(n) {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

// state: the opportunity's state (stage_plan, stages_reached, status,
// expected_close_date, closed_on?); today: epoch day for open deals.
export function gantt(state, today) {
  const plan = state.stage_plan || [];
  const reached = state.stages_reached || [];
  const order = [];
  for (const s of [...reached, ...plan]) if (!order.includes(s.stage)) order.push(s.stage);
  // Stages in time order: by when they were reached, else planned.
  const when = (stage) => day(reached.find((r) => r.stage === stage)?.reached_on) ??
    day(plan.find((p) => p.stage === stage)?.planned_date) ?? Infinity;
  order.sort((a, b) => when(a) - when(b));

  const close = day(state.expected_close_date);
  const open = state.status === 'open';
  const lastActual = open ? today : Math.max(...reached.map((r) => day(r.reached_on)));
  const span = (list, key, end) => {
    const sorted = list.map((x) => ({ stage: x.stage, start: day(x[key]) })).sort((a, b) => a.start - b.start);
    return new Map(sorted.map((x, i) => [x.stage, { start: x.start, end: sorted[i + 1]?.start ?? end }]));
  };
  const planned = span(plan, 'planned_date', close ?? null);
  const actual = span(reached, 'reached_on', lastActual);

  const days = [...planned.values(), ...actual.values()].flatMap((s) => [s.start, s.end]).filter((d) => d !== null && Number.isFinite(d));
  if (close !== null) days.push(close);
  const first = Math.min(...days);
  const last = Math.max(first + 1, ...days);
  const x = (d) => LABEL + ((d - first) / (last - first)) * (WIDTH - LABEL - 10);
  const height = order.length * ROW + 40;

  const nodes = [];
  // Month ticks along the top.
  for (let d = first; d <= last; d++) {
    if (isoDay(d).endsWith('-01')) {
      nodes.push(svg('line', { x1: x(d), x2: x(d), y1: 14, y2: height - 4, class: 'gantt-grid' }));
      nodes.push(svg('text', { x: x(d) + 2, y: 11, class: 'gantt-tick' }, isoDay(d).slice(0, 7)));
    }
  }
  order.forEach((stage, i) => {
    const y = 20 + i * ROW;
    nodes.push(svg('text', { x: 4, y: y + 14, class: 'gantt-label' }, stage));
    const p = planned.get(stage);
    if (p && p.start !== null) {
      nodes.push(svg('rect', { x: x(p.start), y: y + 2, width: Math.max(2, x(p.end ?? p.start) - x(p.start)), height: ROW - 6,
        class: 'gantt-plan', dataset: { stage, planned: isoDay(p.start) } }, svg('title', {}, `${stage}: planned ${isoDay(p.start)}`)));
    }
    const a = actual.get(stage);
    if (a) {
      const late = p && p.start !== null && a.start > p.start;
      nodes.push(svg('rect', { x: x(a.start), y: y + 6, width: Math.max(2, x(a.end) - x(a.start)), height: ROW - 14,
        class: `gantt-actual${late ? ' late' : ''}`, dataset: { stage, reached: isoDay(a.start) } },
      svg('title', {}, `${stage}: reached ${isoDay(a.start)}${p ? ` (planned ${isoDay(p.start)})` : ''}`)));
    }
  });
  if (close !== null) {
    nodes.push(svg('line', { x1: x(close), x2: x(close), y1: 14, y2: height - 4, class: 'gantt-close' }));
    nodes.push(svg('text', { x: x(close) - 4, y: height - 6, class: 'gantt-tick end' }, `expected close ${isoDay(close)}`));
  }
  if (open && today >= first && today <= last) {
    nodes.push(svg('line', { x1: x(today), x2: x(today), y1: 14, y2: height - 4, class: 'gantt-today' }));
  }
  return svg('svg', { class: 'gantt', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img',
    'aria-label': 'stage plan against actual' }, nodes);
}
