// The episode page (/episodes/{id}?t=SECONDS): metadata, the player, the whole transcript following the audio,
// search within the episode, downloads and similar episodes.
import { el, page, clock, day, episodeHref, highlighted } from './dom.js';
import { getJson, download } from './api.js';
import { seek } from './results.js';

export async function episodeView(id) {
  page('Episode', el('p', { class: 'status', role: 'status' }, 'Loading the episode…'));
  const base = '/v1/episodes/' + encodeURIComponent(id);
  let episode;
  let transcript;
  try {
    [episode, transcript] = await Promise.all([getJson(base), getJson(base + '/transcript', 'format=json')]);
  } catch (error) {
    page('Episode not found', el('h1', {}, 'Episode not available'), el('p', { class: 'error', role: 'alert' }, error.message),
      el('p', {}, el('a', { href: '/' }, 'Back to search')));
    return;
  }
  const at = Number(new URLSearchParams(location.search).get('t'));
  const start = Number.isFinite(at) && at > 0 ? at : 0;
  const audio = episode.audioUrl
    ? el('audio', { controls: true, preload: 'metadata', 'aria-label': 'Audio of ' + (episode.title || 'the episode') })
    : null;
  const lines = transcript.segments || [];
  const list = el('ol', { class: 'transcript' }, lines.map((line, i) => lineItem(line, i, audio)));
  const similar = el('section', { class: 'similar' });
  page(episode.title || 'Episode',
    el('article', { class: 'episode' },
      el('h1', {}, episode.title || 'Untitled episode'),
      el('p', { class: 'meta' }, episode.show, episode.publishedAt ? ' · ' : '',
        episode.publishedAt ? el('time', { datetime: episode.publishedAt }, day(episode.publishedAt)) : '',
        episode.durationMs ? ' · ' + clock(episode.durationMs) : ''),
      episode.speakers?.length ? el('p', { class: 'speakers' }, 'Speakers: ' + episode.speakers.join(', ')) : '',
      episode.notes ? el('p', { class: 'notes' }, episode.notes) : '',
      audio ? el('div', { class: 'player sticky' }, audio) : el('p', { class: 'status' }, 'This episode has no audio.'),
      withinSearch(id, audio),
      downloads(base, id),
      el('section', { 'aria-labelledby': 'transcript-title' }, el('h2', { id: 'transcript-title' }, 'Transcript'), list),
      similar));
  if (audio) {
    audio.src = episode.audioUrl;
    seek(audio, start);
    // the line being played follows the audio (only while it plays: before, the page shows the line at t)
    audio.addEventListener('timeupdate', () => { if (!audio.paused) mark(list, audio.currentTime, false); });
  }
  mark(list, start, true);
  loadSimilar(base, similar);
}

function lineItem(line, i, audio) {
  const seconds = line.startTime ?? 0;
  const time = el('a', { class: 'time', href: '?t=' + Math.floor(seconds), 'aria-label': 'Play from ' + clock(seconds * 1000) },
    clock(seconds * 1000));
  time.addEventListener('click', event => {
    event.preventDefault();
    history.replaceState(null, '', '?t=' + Math.floor(seconds));
    if (audio) { seek(audio, seconds); audio.play().catch(() => {}); }
    mark(time.closest('ol'), seconds, false);
  });
  const item = el('li', { class: 'line', id: 'line-' + i }, time,
    line.speaker ? el('span', { class: 'speaker' }, line.speaker + ': ') : '', el('span', { class: 'text' }, line.body));
  item.dataset.start = seconds;
  return item;
}

/** Highlights the line said at {@code seconds} (the last that starts at or before it), scrolled into view if asked. */
function mark(list, seconds, scroll) {
  let current = null;
  for (const item of list.children) {
    if (Number(item.dataset.start) <= seconds + 0.001) current = item; else break;
  }
  const previous = list.querySelector('[aria-current]');
  if (previous === current) return;
  previous?.removeAttribute('aria-current');
  if (!current) return;
  current.setAttribute('aria-current', 'true');
  if (scroll) current.scrollIntoView({ block: 'center' });
  else if (!isVisible(current)) current.scrollIntoView({ block: 'nearest' });
}

function isVisible(node) {
  const box = node.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}

function withinSearch(id, audio) {
  const input = el('input', { id: 'within', type: 'search', maxlength: '500', autocomplete: 'off' });
  const found = el('ol', { class: 'moments' });
  const status = el('p', { class: 'status', role: 'status' });
  const form = el('form', { role: 'search', class: 'within', onsubmit: async event => {
    event.preventDefault();
    if (!input.value.trim()) return;
    status.textContent = 'Searching…';
    try {
      const answer = await getJson('/v1/search', new URLSearchParams({ q: input.value, episode: id, group: 'moment', size: '20', mode: 'keyword' }));
      status.textContent = answer.results.length ? answer.results.length + ' moments' : 'Not said in this episode.';
      found.replaceChildren(...answer.results.flatMap(r => r.moments).map(m => {
        const ms = m.matchMs ?? m.startMs ?? 0;
        const link = el('a', { class: 'time', href: episodeHref(id, ms) }, clock(ms));
        link.addEventListener('click', event => {
          event.preventDefault();
          history.replaceState(null, '', '?t=' + Math.floor(ms / 1000));
          if (audio) { seek(audio, ms / 1000); audio.play().catch(() => {}); }
          mark(document.querySelector('.transcript'), ms / 1000, true);
        });
        return el('li', { class: 'moment' }, link, highlighted(m.highlight));
      }));
    } catch (error) {
      status.textContent = error.message;
    }
  } },
  el('label', { for: 'within' }, 'Search in this episode'), el('div', { class: 'query' }, input, el('button', {}, 'Find')));
  return el('section', { class: 'within-section' }, form, status, found);
}

/** The transcript in each format: a link (for a public service) whose click fetches it with the key and saves it. */
function downloads(base, id) {
  const formats = [['json', 'JSON'], ['vtt', 'WebVTT'], ['srt', 'SubRip'], ['txt', 'Text']];
  const status = el('span', { class: 'status', role: 'status' });
  return el('p', { class: 'downloads' }, 'Download the transcript: ',
    formats.map(([format, name], i) => {
      const filename = 'transcript-' + id.replace(/[^A-Za-z0-9_-]/g, '_') + '.' + format;
      const link = el('a', { href: base + '/transcript?format=' + format, download: filename, 'data-format': format }, name);
      link.addEventListener('click', async event => {
        event.preventDefault();
        status.textContent = '';
        status.className = 'status';
        try {
          await download(base + '/transcript', 'format=' + format, filename);
        } catch (error) {
          status.textContent = ' ' + error.message;
          status.className = 'status error';
        }
      });
      return [i ? ' · ' : '', link];
    }), status);
}

async function loadSimilar(base, section) {
  try {
    const answer = await getJson(base + '/similar', 'size=5');
    if (!answer.similar.length) return;
    section.setAttribute('aria-labelledby', 'similar-title');
    section.replaceChildren(el('h2', { id: 'similar-title' }, 'Similar episodes'),
      el('ul', {}, answer.similar.map(s => el('li', {}, el('a', { href: episodeHref(s.id) }, s.title || 'Untitled'), ' · ' + (s.show || '')))));
  } catch { /* optional */ }
}
