// Typeahead for the query box (the ARIA combobox pattern): titles, shows, speakers and frequent phrases from
// /v1/suggest in a list under the box. Arrow keys move through it, Enter searches the one chosen, Escape closes it;
// a click chooses too. A list of our own rather than a <datalist>, whose popup the page can neither style nor test.
import { el } from './dom.js';
import { getJson } from './api.js';

export function typeahead(input) {
  const list = el('ul', { id: input.id + '-suggestions', role: 'listbox', class: 'suggestions', 'aria-label': 'Suggestions', hidden: true });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.after(list);
  let pending;
  let active = -1;

  const options = () => [...list.children];
  const close = () => {
    clearTimeout(pending);
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const highlight = index => {
    const all = options();
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({ block: 'nearest' });
  };
  const choose = option => {
    input.value = option.dataset.text;
    close();
    input.form.requestSubmit();
  };
  const show = suggestions => {
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.replaceChildren(...suggestions.map((s, i) => {
      const option = el('li', { id: list.id + '-' + i, role: 'option', 'aria-selected': 'false' },
        s.text, el('span', { class: 'kind' }, ' ' + s.kind));
      option.dataset.text = s.text;
      // mousedown would take the focus from the box (and close the list) before the click
      option.addEventListener('mousedown', event => event.preventDefault());
      option.addEventListener('click', () => choose(option));
      return option;
    }));
    list.hidden = !suggestions.length;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };

  input.addEventListener('input', () => {
    clearTimeout(pending);
    const typed = input.value;
    if (!typed.trim() || typed.length > 100) { close(); return; }
    pending = setTimeout(async () => {
      try {
        const body = await getJson('/v1/suggest', new URLSearchParams({ q: typed, size: 8 }));
        if (input.value === typed && document.activeElement === input) show(body.suggestions);
      } catch { close(); }
    }, 120);
  });
  input.addEventListener('keydown', event => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active < 0 && event.key === 'ArrowUp' ? -1 : active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(options()[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', close);
  input.form.addEventListener('submit', close);
}
