// Competition: per competitor the deals met, won against, lost to, win
// rate and amount lost; per loss reason, counts and amounts
// (GET /v1/projections/competition).
import { get } from './api.js';
import { bar, el, humanize, magnitude, money, percent, table } from './format.js';
import { optional, unavailable } from './unavailable.js';

export const title = 'Competition';

// [{reason, count}] or {reason: count} → "price 3, timing 1"
function reasons(value) {
  if (!value) return '—';
  const list = Array.isArray(value) ? value.map((r) => [r.reason, r.count]) : Object.entries(value);
  return list.length ? list.map(([r, n]) => `${humanize(r)} ${n}`).join(', ') : '—';
}

export async function render({ filters }) {
  const view = await optional(() => get('/v1/projections/competition', filters));
  if (view === null) {
    return { node: el('section', { class: 'page', id: 'competition' }, el('h2', {}, 'Competition'),
      unavailable('Competition', '/v1/projections/competition')) };
  }
  const maxLost = Math.max(0, ...view.competitors.map((c) => magnitude(c.lost_amount)));
  const competitors = table([
    { title: 'Competitor', cell: (c) => c.name, field: 'name' },
    { title: 'Deals met', cell: (c) => String(c.deals), num: true, field: 'deals' },
    { title: 'Open', cell: (c) => `${c.open_count} · ${money(c.open_amount)}`, num: true, field: 'open' },
    { title: 'Won against', cell: (c) => `${c.won_count} · ${money(c.won_amount)}`, num: true, field: 'won' },
    { title: 'Lost to', cell: (c) => `${c.lost_count} · ${money(c.lost_amount)}`, num: true, field: 'lost' },
    { title: 'Our win rate', cell: (c) => percent(c.win_rate), num: true, field: 'win_rate' },
    { title: 'Lost amount', cell: (c) => bar(magnitude(c.lost_amount), maxLost, 'short'), field: 'lost_bar' },
    { title: 'Their average quote', cell: (c) => money(c.average_quoted_price), num: true, field: 'average_quoted_price' },
    { title: 'Why we lost', cell: (c) => reasons(c.loss_reasons), field: 'loss_reasons' },
  ], view.competitors, { rowData: (c) => ({ competitor: c.competitor_id }) });
  const maxReason = Math.max(0, ...view.loss_reasons.map((r) => r.count));
  const lossReasons = table([
    { title: 'Loss reason', cell: (r) => humanize(r.reason), field: 'reason' },
    { title: 'Deals', cell: (r) => String(r.count), num: true, field: 'count' },
    { title: '', cell: (r) => bar(r.count, maxReason, 'short') },
    { title: 'Amount', cell: (r) => money(r.amount), num: true, field: 'amount' },
    { title: 'Of which to a competitor', cell: (r) => (r.to_competitor === undefined ? '—' : String(r.to_competitor)), num: true },
  ], view.loss_reasons, { rowData: (r) => ({ reason: r.reason }) });
  return {
    position: view.position,
    node: el('section', { class: 'page', id: 'competition' },
      el('h2', {}, 'Competition ', el('small', {}, `${view.deals ?? ''} deals with a competitor · in ${view.currency}`)),
      competitors, el('h3', {}, 'Loss reasons'), lossReasons),
  };
}
