// The web app: one page, three views chosen by the path. No build step: plain modules the browser loads as they are.
import { searchView } from './search.js';
import { episodeView } from './episode.js';
import { uploadView } from './upload.js';
import { page, el } from './dom.js';

function route() {
  const path = location.pathname;
  const episode = path.match(/^\/episodes\/([^/]+)\/?$/);
  for (const link of document.querySelectorAll('[data-nav]')) {
    const current = (link.dataset.nav === 'upload') === (path === '/upload');
    if (current && !episode) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const shown = episode ? episodeView(decodeURIComponent(episode[1]))
    : path === '/upload' ? uploadView()
    : searchView();
  Promise.resolve(shown).catch(error => page('Error', el('h1', {}, 'Something went wrong'), el('p', { class: 'error', role: 'alert' }, error.message)));
}

/** Every view keeps its state in the URL: Back and Forward show it again. */
window.addEventListener('popstate', route);
route();
