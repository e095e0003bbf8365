// The step-through history of a record (GET /v1/{collection}/{id}/history):
// one step at a time — what happened, when, who did it with which command,
// and every field it changed (before → after).
import { el, humanize } from './format.js';

const steps = new Map();  // record → the step on screen, kept across live refreshes

function compact(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object' && 'amount' in value && 'currency' in value && Object.keys(value).length === 2) {
    return `${value.amount} ${value.currency}`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function historyStepper(key, history) {
  const list = history.steps;
  const root = el('div', { class: 'history', id: 'history' });
  if (list.length === 0) {
    root.append(el('p', { class: 'note' }, 'No history.'));
    return root;
  }
  let index = Math.min(steps.get(key) ?? list.length - 1, list.length - 1);

  const draw = () => {
    steps.set(key, index);
    const step = list[index];
    const go = (i) => () => { index = Math.max(0, Math.min(list.length - 1, i)); draw(); };
    const controls = el('div', { class: 'stepper' },
      el('button', { type: 'button', id: 'step-first', onclick: go(0), disabled: index === 0 }, '« first'),
      el('button', { type: 'button', id: 'step-prev', onclick: go(index - 1), disabled: index === 0 }, '◀ previous'),
      el('span', { class: 'step-count', id: 'step-count' }, `step ${index + 1} of ${list.length}`),
      el('button', { type: 'button', id: 'step-next', onclick: go(index + 1), disabled: index === list.length - 1 }, 'next ▶'),
      el('button', { type: 'button', id: 'step-last', onclick: go(list.length - 1), disabled: index === list.length - 1 }, 'last »'));
    const facts = el('dl', { class: 'facts' },
      el('dt', {}, 'Event'), el('dd', { id: 'step-type' }, step.type),
      el('dt', {}, 'Business time'), el('dd', {}, step.time),
      el('dt', {}, 'Recorded'), el('dd', {}, step.recorded_time),
      el('dt', {}, 'Actor'), el('dd', {}, step.actor || '—'),
      el('dt', {}, 'Command'), el('dd', {}, step.command || '—'),
      el('dt', {}, 'Version · position'), el('dd', {}, `${step.version} · ${step.position}`));
    const changes = el('table', { class: 'grid changes' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Field'), el('th', {}, 'Before'), el('th', {}, 'After'))),
      el('tbody', {}, (step.changes || []).map((c) => el('tr', { dataset: { field: c.field } },
        el('td', {}, humanize(c.field)), el('td', { class: 'before' }, compact(c.before)), el('td', { class: 'after' }, compact(c.after))))));
    const timeline = el('ol', { class: 'timeline' }, list.map((s, i) => el('li', { class: i === index ? 'current' : '' },
      el('button', { type: 'button', class: 'link', onclick: go(i) }, `${s.time.slice(0, 10)} ${s.type.replace(/^crm\.[a-z_]+\./, '').replace(/\.v\d+$/, '')}`))));
    root.replaceChildren(controls, el('div', { class: 'split' }, el('div', {}, facts, changes), timeline));
  };
  draw();
  return root;
}
