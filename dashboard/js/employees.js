// Employee ranking: win rates and target attainment per employee, and the
// departments rolled up, from GET /v1/projections/employees.
import { get } from './api.js';
import { bar, el, money, percent, table } from './format.js';

export const title = 'Ranking';

export async function render({ filters }) {
  const view = await get('/v1/projections/employees', filters);
  const departmentName = new Map((view.departments || []).map((d) => [d.department_id, d.name]));
  const maxAttainment = Math.max(1, ...view.employees.map((e) => e.attainment ?? 0));
  const activities = (a) => Object.entries(a || {}).map(([k, v]) => `${k} ${v}`).join(', ') || '—';
  const people = table([
    { title: '#', cell: (e) => String(e.rank), num: true, field: 'rank' },
    { title: 'Employee', cell: (e) => e.name, field: 'name' },
    { title: 'Department', cell: (e) => departmentName.get(e.department_id) || e.department_id, field: 'department' },
    { title: 'Won', cell: (e) => String(e.won_count), num: true, field: 'won_count' },
    { title: 'Lost', cell: (e) => String(e.lost_count), num: true, field: 'lost_count' },
    { title: 'Win rate', cell: (e) => percent(e.win_rate), num: true, field: 'win_rate' },
    { title: 'Won amount', cell: (e) => money(e.won_amount), num: true, field: 'won_amount' },
    { title: 'Open pipeline', cell: (e) => `${e.open_count} · ${money(e.open_amount)}`, num: true, field: 'open' },
    { title: 'Target', cell: (e) => money(e.target), num: true, field: 'target' },
    { title: 'Attainment', cell: (e) => [percent(e.attainment, 0), bar(e.attainment ?? 0, maxAttainment, (e.attainment ?? 0) >= 1 ? 'good' : 'short')], num: true, field: 'attainment' },
    { title: 'Activities', cell: (e) => activities(e.activities), field: 'activities' },
    { title: 'Quotes', cell: (e) => String(e.quotes ?? '—'), num: true, field: 'quotes' },
    { title: 'Expenses', cell: (e) => money(e.expenses), num: true, field: 'expenses' },
    { title: 'Complaints · praise', cell: (e) => `${e.complaints ?? '—'} · ${e.praise ?? '—'}`, num: true, field: 'complaints_praise' },
  ], view.employees, { rowData: (e) => ({ employee: e.employee_id }) });
  const departments = table([
    { title: '#', cell: (d) => String(d.rank), num: true },
    { title: 'Department', cell: (d) => d.name },
    { title: 'People', cell: (d) => String(d.employees), num: true },
    { title: 'Won', cell: (d) => String(d.won_count), num: true },
    { title: 'Win rate', cell: (d) => percent(d.win_rate), num: true },
    { title: 'Won amount', cell: (d) => money(d.won_amount), num: true },
    { title: 'Target', cell: (d) => money(d.target), num: true },
    { title: 'Attainment', cell: (d) => percent(d.attainment, 0), num: true },
  ], view.departments || [], { rowData: (d) => ({ department: d.department_id }) });
  return {
    position: view.position,
    node: el('section', { class: 'page', id: 'employees' },
      el('h2', {}, 'Employee ranking ', el('small', {}, `in ${view.currency}`)),
      people, el('h3', {}, 'Departments'), departments),
  };
}
