// Forecast by period and forecast category against targets. The forecast
// rows come from GET /v1/projections/forecast; each period's target is the
// top department's (or, filtered by owner, the employee's) target from
// GET /v1/projections/employees?period=<that period>, with the same filters.
import { get } from './api.js';
import { el, magnitude, money, percent, sumMoney, table } from './format.js';
import { go } from './route.js';

export const title = 'Forecast';

const CATEGORIES = ['closed', 'commit', 'best_case', 'pipeline'];
const LABELS = { closed: 'Closed (won)', commit: 'Commit', best_case: 'Best case', pipeline: 'Pipeline' };

export async function render({ params, filters }) {
  const granularity = params.granularity || 'quarter';
  const view = await get('/v1/projections/forecast', { ...filters, granularity });
  const periods = [...new Set(view.rows.map((r) => r.period))].sort();
  const targets = await Promise.all(periods.map((period) =>
    get('/v1/projections/employees', { ...filters, period }).then(topTarget)));
  const rows = periods.map((period, i) => {
    const cells = Object.fromEntries(CATEGORIES.map((c) => [c, view.rows.find((r) => r.period === period && r.category === c)]));
    const committed = sumMoney([cells.closed?.amount, cells.commit?.amount], view.currency);
    const weighted = sumMoney(CATEGORIES.map((c) => cells[c]?.weighted_amount), view.currency);
    const target = targets[i];
    const attainment = target && magnitude(target) > 0 && committed ? magnitude(committed) / magnitude(target) : null;
    return { period, cells, committed, weighted, target, attainment };
  });
  const max = Math.max(1, ...rows.map((r) => Math.max(
    magnitude(r.target), CATEGORIES.reduce((s, c) => s + magnitude(r.cells[c]?.amount), 0))));

  const chart = el('div', { class: 'forecast-chart' }, rows.map((r) => {
    const track = el('div', { class: 'stack' }, CATEGORIES.map((c) => {
      const part = el('span', { class: `stack-part cat-${c}`, title: `${LABELS[c]}: ${money(r.cells[c]?.amount)}` });
      part.style.width = `${(magnitude(r.cells[c]?.amount) / max) * 100}%`;
      return part;
    }));
    if (r.target) {
      const tick = el('span', { class: 'target-tick', title: `target ${money(r.target)}` });
      tick.style.left = `${(magnitude(r.target) / max) * 100}%`;
      track.append(tick);
    }
    return el('div', { class: 'stack-row', dataset: { period: r.period } }, el('span', { class: 'stack-label' }, r.period), track);
  }));
  const legend = el('p', { class: 'legend' }, CATEGORIES.map((c) => el('span', { class: `key cat-${c}` }, LABELS[c])),
    el('span', { class: 'key target' }, 'Target'));

  const grid = table([
    { title: 'Period', cell: (r) => r.period, field: 'period' },
    ...CATEGORIES.map((c) => ({ title: LABELS[c], cell: (r) => r.cells[c] ? [money(r.cells[c].amount), el('small', {}, ` (${r.cells[c].count})`)] : '—', num: true, field: c })),
    { title: 'Weighted', cell: (r) => money(r.weighted), num: true, field: 'weighted' },
    { title: 'Target', cell: (r) => money(r.target), num: true, field: 'target' },
    { title: 'Closed + commit vs target', cell: (r) => percent(r.attainment, 0), num: true, field: 'attainment' },
  ], rows, { rowData: (r) => ({ period: r.period }) });

  const choose = el('select', { id: 'granularity', onchange: (e) => go({ params: { granularity: e.target.value } }) },
    ['month', 'quarter', 'year'].map((g) => el('option', { value: g, selected: g === granularity }, g)));
  return {
    position: view.position,
    node: el('section', { class: 'page', id: 'forecast' },
      el('h2', {}, 'Forecast against targets ', el('small', {}, `in ${view.currency}`)),
      el('label', { class: 'inline' }, 'Periods by ', choose),
      legend, chart, grid),
  };
}

// The target of the whole selection: the root department's (its parent is
// not in the list). With an owner filter the server narrows every level
// to that employee, so the root carries the employee's own target.
function topTarget(view) {
  const departments = view.departments || [];
  const ids = new Set(departments.map((d) => d.department_id));
  const roots = departments.filter((d) => !d.parent_id || !ids.has(d.parent_id));
  return sumMoney(roots.map((d) => d.target), view.currency);
}
