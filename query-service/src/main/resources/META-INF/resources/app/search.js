// The search page: the form, facets, the trends chart and the results, all drawn from the URL's state.
import { el, page } from './dom.js';
import { getJson } from './api.js';
import { readState, pushState, searchParams } from './state.js';
import { facetList } from './facets.js';
import { trendChart } from './chart.js';
import { resultList, summary } from './results.js';
import { typeahead } from './typeahead.js';

let shown; // the page's parts while the search page is shown
let latest = 0; // the newest search asked: older answers are dropped

export function searchView() {
  shown = build();
  update();
}

window.addEventListener('podsearch:state', () => shown && document.contains(shown.form) && update());

function build() {
  const q = el('input', { id: 'q', name: 'q', type: 'search', maxlength: '500', autocomplete: 'off', placeholder: 'What was said?' });
  const sort = el('select', { id: 'sort', name: 'sort' },
    el('option', { value: '' }, 'Relevance'), el('option', { value: 'date' }, 'Newest first'));
  const mode = el('select', { id: 'mode', name: 'mode' },
    el('option', { value: '' }, 'Words and meaning'), el('option', { value: 'keyword' }, 'Words only'),
    el('option', { value: 'semantic' }, 'Meaning only'));
  const after = el('input', { id: 'after', name: 'after', type: 'date' });
  const before = el('input', { id: 'before', name: 'before', type: 'date' });
  const form = el('form', { class: 'search', role: 'search', onsubmit: submit },
    el('div', { class: 'query' },
      el('label', { for: 'q', class: 'visually-hidden' }, 'Search transcripts'), q,
      el('button', { class: 'primary' }, 'Search')),
    el('div', { class: 'options' },
      el('label', {}, 'Sort ', sort), el('label', {}, 'Match ', mode),
      el('label', {}, 'Published from ', after), el('label', {}, 'to ', before)));
  typeahead(q);
  for (const control of [sort, mode, after, before]) control.addEventListener('change', () => form.requestSubmit());
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const notices = el('div', { class: 'notices' });
  const facets = el('aside', { class: 'facets', 'aria-label': 'Filters' });
  const chart = el('section', { class: 'chart', 'aria-label': 'Mentions over time' });
  const results = el('section', { class: 'results', 'aria-label': 'Results' });
  const more = el('div', { class: 'more' });
  page('', el('h1', { class: 'visually-hidden' }, 'Search podcast transcripts'), form,
    el('div', { class: 'layout' }, facets, el('div', { class: 'column' }, status, notices, chart, results, more)));
  return { form, q, sort, mode, after, before, status, notices, facets, chart, results, more };
}

function submit(event) {
  event.preventDefault();
  const state = readState();
  const f = shown;
  const q = f.q.value.trim();
  const sameQuery = q === state.q;
  pushState({
    ...state, q, sort: f.sort.value, mode: f.mode.value, after: f.after.value, before: f.before.value,
    // a new query starts without the filters the last one found
    show: sameQuery ? state.show : [], speaker: sameQuery ? state.speaker : [], lang: sameQuery ? state.lang : [],
    year: sameQuery ? state.year : [],
  });
}

async function update() {
  const state = readState();
  const f = shown;
  f.q.value = state.q; f.sort.value = state.sort; f.mode.value = state.mode;
  f.after.value = state.after; f.before.value = state.before;
  document.title = state.q ? state.q + ' · podsearch' : 'podsearch';
  f.notices.replaceChildren(); f.more.replaceChildren();
  if (!state.q) {
    f.status.textContent = 'Search what was said in every episode: words, "exact phrases", -excluded words, or what it was about.';
    f.results.replaceChildren(); f.facets.replaceChildren(); f.chart.replaceChildren();
    f.q.focus();
    return;
  }
  const asked = ++latest;
  f.status.textContent = 'Searching…';
  f.results.setAttribute('aria-busy', 'true');
  try {
    const answer = await getJson('/v1/search', searchParams(state));
    if (asked !== latest) return;
    f.status.textContent = summary(answer);
    f.notices.replaceChildren(...notices(answer, state));
    f.facets.replaceChildren(...facetList(answer.facets || {}, state));
    window.dispatchEvent(new Event('podsearch:drawn'));
    f.results.replaceChildren(...(answer.results.length ? resultList(answer.results)
      : [el('p', { class: 'empty' }, 'No episode matches “' + state.q + '”. Try fewer words, or other filters.')]));
    moreButton(state, answer.nextCursor);
    trendChart(f.chart, state).catch(error => f.chart.replaceChildren(el('p', { class: 'error' }, 'No chart: ' + error.message)));
  } catch (error) {
    if (asked !== latest) return;
    f.status.textContent = '';
    f.results.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message));
  } finally {
    if (asked === latest) f.results.removeAttribute('aria-busy');
  }
}

function notices(answer, state) {
  const out = [];
  if (answer.degraded) out.push(el('p', { class: 'notice' }, answer.degraded));
  if (answer.correctedQuery) {
    out.push(el('p', { class: 'notice corrected' }, 'Also searched for “', el('strong', {}, answer.correctedQuery), '”.'));
  }
  if (answer.suggestion) {
    const href = '/?' + new URLSearchParams({ q: answer.suggestion.text });
    out.push(el('p', { class: 'notice suggestion' }, 'Did you mean ',
      el('a', { href, onclick: event => { event.preventDefault(); pushState({ ...state, q: answer.suggestion.text }); } },
        answer.suggestion.text), ' (' + answer.suggestion.total + ' episodes)?'));
  }
  return out;
}

/** "More results": the next page by cursor, added below (the URL keeps the first page). */
function moreButton(state, cursor) {
  const f = shown;
  f.more.replaceChildren();
  if (!cursor) return;
  const button = el('button', { type: 'button', onclick: async () => {
    button.disabled = true;
    button.textContent = 'Loading…';
    try {
      const answer = await getJson('/v1/search', searchParams(state, cursor));
      const added = resultList(answer.results);
      f.results.append(...added);
      added[0]?.querySelector('a')?.focus();
      moreButton(state, answer.nextCursor);
    } catch (error) {
      f.more.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message));
    }
  } }, 'More results');
  f.more.append(button);
}
