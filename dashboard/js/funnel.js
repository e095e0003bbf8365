// Funnel: per stage count, amount and weighted amount (Σ amount ×
// probability), from GET /v1/projections/funnel.
import { get } from './api.js';
import { bar, card, el, humanize, magnitude, money, table } from './format.js';

export const title = 'Funnel';

export async function render({ filters }) {
  const view = await get('/v1/projections/funnel', filters);
  const open = view.stages.filter((s) => !s.closed);
  const max = Math.max(0, ...view.stages.map((s) => magnitude(s.amount)));
  const totals = el('div', { class: 'cards' },
    card('Open', `${view.open.count} deals`, [money(view.open.amount), el('br'), `weighted ${money(view.open.weighted_amount)}`], 'open'),
    card('Won', `${view.won.count} deals`, money(view.won.amount), 'won'),
    card('Lost', `${view.lost.count} deals`, money(view.lost.amount), 'lost'),
    card('Abandoned', `${view.abandoned.count} deals`, money(view.abandoned.amount), 'abandoned'));
  const stages = table([
    { title: 'Stage', cell: (s) => s.stage, field: 'stage' },
    { title: 'Probability', cell: (s) => `${s.probability} %`, num: true, field: 'probability' },
    { title: 'Forecast category', cell: (s) => humanize(s.forecast_category), field: 'forecast_category' },
    { title: 'Count', cell: (s) => String(s.count), num: true, field: 'count' },
    { title: 'Amount', cell: (s) => money(s.amount), num: true, field: 'amount' },
    { title: 'Weighted amount', cell: (s) => money(s.weighted_amount), num: true, field: 'weighted_amount' },
    { title: '', cell: (s) => [bar(magnitude(s.amount), max, 'amount'), bar(magnitude(s.weighted_amount), max, 'weighted')], field: 'bars' },
  ], view.stages, { rowData: (s) => ({ stage: s.stage, closed: String(s.closed) }) });
  const shape = el('div', { class: 'funnel-shape', 'aria-hidden': 'true' }, open.map((s) => {
    const row = el('div', { class: 'funnel-step' }, el('span', {}, `${s.stage} · ${s.count}`));
    row.style.width = `${Math.max(18, max > 0 ? (magnitude(s.amount) / max) * 100 : 0).toFixed(1)}%`;
    return row;
  }));
  const others = view.other_currencies?.length
    ? el('p', { class: 'note' }, `Also in other currencies (not converted): ${view.other_currencies.map((o) => o.currency ?? o).join(', ')}`)
    : null;
  return {
    position: view.position,
    node: el('section', { class: 'page', id: 'funnel' },
      el('h2', {}, 'Sales funnel ', el('small', {}, `in ${view.currency}`)),
      totals, el('div', { class: 'split' }, stages, shape), others),
  };
}
