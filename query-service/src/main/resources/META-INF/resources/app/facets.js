// Facet lists (show, speaker, year, language): checkboxes with counts; each change is a new URL.
import { el } from './dom.js';
import { readState, pushState } from './state.js';

// several values of one facet are alternatives (any of them), different facets all apply (as the API filters)
const FACETS = [
  { name: 'show', label: 'Show' },
  { name: 'speaker', label: 'Speaker' },
  { name: 'year', label: 'Year' },
  { name: 'lang', label: 'Language' },
];

/** One fieldset per facet the answer counted; a chosen value stays listed even when the answer has no count for it. */
export function facetList(facets, state) {
  const out = [];
  for (const facet of FACETS) {
    const chosen = state[facet.name];
    const values = [...(facets[facet.name] || [])];
    for (const value of chosen) if (!values.some(v => v.value === value)) values.push({ value, count: 0 });
    if (!values.length) continue;
    const list = el('ul', {});
    for (const { value: raw, count } of values) {
      const value = String(raw);
      const id = 'facet-' + facet.name + '-' + value.replace(/[^A-Za-z0-9_-]/g, '_');
      const box = el('input', { type: 'checkbox', id, checked: chosen.includes(value), onchange: () => toggle(facet, value, id) });
      box.dataset.facet = facet.name;
      box.value = value;
      list.append(el('li', {}, box, el('label', { for: id }, value, ' ', el('span', { class: 'count' }, '(' + count + ')'))));
    }
    out.push(el('fieldset', {}, el('legend', {}, facet.label), list));
  }
  if (out.length) out.unshift(el('h2', {}, 'Filters'));
  return out;
}

function toggle(facet, value, id) {
  const state = readState();
  const values = state[facet.name];
  state[facet.name] = values.includes(value) ? values.filter(v => v !== value) : [...values, value];
  pushState(state);
  // keep the keyboard where it was once the lists are drawn again
  window.addEventListener('podsearch:drawn', () => document.getElementById(id)?.focus(), { once: true });
}
