// Typeahead for the query box: titles, shows, speakers and frequent phrases from /v1/suggest, in a datalist.
import { el } from './dom.js';
import { getJson } from './api.js';

export function typeahead(input) {
  const list = el('datalist', { id: input.id + '-suggestions' });
  input.setAttribute('list', list.id);
  input.after(list);
  let pending;
  input.addEventListener('input', () => {
    clearTimeout(pending);
    const typed = input.value;
    if (!typed.trim() || typed.length > 100) { list.replaceChildren(); return; }
    pending = setTimeout(async () => {
      try {
        const body = await getJson('/v1/suggest', new URLSearchParams({ q: typed, size: 8 }));
        if (input.value !== typed) return;
        list.replaceChildren(...body.suggestions.map(s => el('option', { value: s.text, label: s.kind })));
      } catch { list.replaceChildren(); }
    }, 120);
  });
}
