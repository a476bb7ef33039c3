// The search page's state, all of it in the URL: ?q=&show=&speaker=&lang=&year=&after=&before=&sort=&mode=

const MULTI = ['show', 'speaker', 'lang', 'year'];
const SINGLE = ['q', 'after', 'before', 'sort', 'mode'];

/** The state in the current URL. */
export function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const name of SINGLE) state[name] = params.get(name) || '';
  for (const name of MULTI) state[name] = params.getAll(name);
  return state;
}

/** The URL query string of a state (empty fields left out). */
export function stateQuery(state) {
  const params = new URLSearchParams();
  for (const name of SINGLE) if (state[name]) params.set(name, state[name]);
  for (const name of MULTI) for (const value of state[name] || []) params.append(name, value);
  return params.toString();
}

/** Shows a new state: a new history entry, so Back returns to the one before. */
export function pushState(state) {
  const query = stateQuery(state);
  history.pushState(null, '', '/' + (query ? '?' + query : ''));
  window.dispatchEvent(new Event('podsearch:state'));
}

/**
 * The filter parameters of GET /v1/search and GET /v1/trends for a state (the same names): several values of a facet
 * are alternatives, different facets all apply; the years selected become a published range.
 */
export function filterParams(state) {
  const params = new URLSearchParams();
  for (const name of ['show', 'speaker', 'lang']) for (const value of state[name]) params.append(name, value);
  let after = state.after;
  let before = state.before;
  if (state.year.length) {
    const years = state.year.map(Number).filter(Number.isFinite).sort((a, b) => a - b);
    const yearAfter = years[0] + '-01-01';
    const yearBefore = (years[years.length - 1] + 1) + '-01-01';
    after = !after || yearAfter > after ? yearAfter : after;
    before = !before || yearBefore < before ? yearBefore : before;
  }
  if (after) params.set('publishedAfter', after);
  if (before) params.set('publishedBefore', before);
  return params;
}

/** The parameters of GET /v1/search for a state (and a cursor for the next page). */
export function searchParams(state, cursor) {
  const params = filterParams(state);
  params.set('q', state.q);
  params.set('facets', 'show,speaker,lang,year');
  params.set('moments', '3');
  if (state.sort) params.set('sort', state.sort);
  if (state.mode) params.set('mode', state.mode);
  if (cursor) params.set('cursor', cursor);
  return params;
}
