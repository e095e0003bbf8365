// Customer lifecycle pipeline: a bar per state, its length by the number
// of customers in it (the seed's "pipeline" view), from
// GET /v1/projections/lifecycle.
import { get } from './api.js';
import { el, humanize, percent, table } from './format.js';

export const title = 'Lifecycle';

export async function render({ filters }) {
  const view = await get('/v1/projections/lifecycle', filters);
  const max = Math.max(0, ...view.states.map((s) => s.customers));
  const bars = el('div', { class: 'pipeline' }, view.states.map((s) => {
    const fill = el('div', { class: `pipeline-bar state-${s.state}` });
    fill.style.width = `${max > 0 ? (s.customers / max) * 100 : 0}%`;
    return el('div', { class: 'pipeline-row', dataset: { state: s.state, customers: String(s.customers) } },
      el('div', { class: 'pipeline-label' }, humanize(s.state)),
      el('div', { class: 'pipeline-track' }, fill),
      el('div', { class: 'pipeline-count num' }, String(s.customers)));
  }));
  const states = table([
    { title: 'State', cell: (s) => humanize(s.state) },
    { title: 'Customers now', cell: (s) => String(s.customers), num: true, field: 'customers' },
    { title: 'Ever reached', cell: (s) => String(s.reached), num: true, field: 'reached' },
    { title: 'Conversion from the previous state', cell: (s) => percent(s.conversion), num: true, field: 'conversion' },
  ], view.states, { rowData: (s) => ({ state: s.state }) });
  const transitions = view.transitions.length
    ? table([
      { title: 'From', cell: (t) => humanize(t.from) },
      { title: 'To', cell: (t) => humanize(t.to) },
      { title: 'Customers', cell: (t) => String(t.count), num: true },
    ], view.transitions)
    : el('p', { class: 'note' }, 'No transitions between states in this selection.');
  return {
    position: view.position,
    node: el('section', { class: 'page', id: 'lifecycle' },
      el('h2', {}, 'Customer lifecycle pipeline ', el('small', {}, `${view.customers} customers`)),
      bars, el('h3', {}, 'States'), states, el('h3', {}, 'Transitions'), transitions),
  };
}
