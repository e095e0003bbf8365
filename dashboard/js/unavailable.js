// What a page shows when this server has no route for the data it needs
// (an older or differently built server): the page stays, says so plainly,
// and the rest of the dashboard works on.
import { el } from './format.js';

export function unavailable(what, path) {
  return el('div', { class: 'unavailable', dataset: { unavailable: path } },
    el('h3', {}, `${what}: not available on this server`),
    el('p', {}, 'This server answers ', el('code', {}, `GET ${path}`), ' with 404 (no such route).'));
}

// Runs `load`; a missing route becomes null, other errors pass through.
export async function optional(load) {
  try {
    return await load();
  } catch (e) {
    if (e.missingRoute) return null;
    throw e;
  }
}
