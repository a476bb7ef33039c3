// Search results: each episode with its moments; a moment's time plays the audio there, or opens the episode page.
import { el, highlighted, clock, day, episodeHref } from './dom.js';

/** How each moment matched, in words a reader tells apart: "contains your words" is not "about this". */
export const MATCHED_BY = {
  phrase: 'exact phrase',
  words: 'contains your words',
  partial: 'some of your words',
  spelling: 'similar spelling',
  meaning: 'about this',
};

export function summary(answer) {
  const count = answer.totalRelation === 'gte' ? 'more than ' + answer.total : String(answer.total);
  return count + (answer.total === 1 ? ' episode' : ' episodes') + ' · ' + answer.took + ' ms';
}

export function resultList(results) {
  return results.map(result => {
    const { episode } = result;
    const player = el('div', { class: 'player' });
    const moments = el('ol', { class: 'moments' }, result.moments.map(m => momentItem(episode, m, player)));
    return el('article', { class: 'result' },
      el('h2', {}, el('a', { href: episodeHref(episode.id) }, episode.title || 'Untitled episode')),
      el('p', { class: 'meta' }, episode.show, episode.publishedAt ? ' · ' : '',
        episode.publishedAt ? el('time', { datetime: episode.publishedAt }, day(episode.publishedAt)) : ''),
      moments, player);
  });
}

function momentItem(episode, moment, player) {
  const at = moment.matchMs ?? moment.startMs ?? 0;
  const label = 'Play “' + (episode.title || 'episode') + '” from ' + clock(at);
  const time = episode.audioUrl
    ? el('button', { type: 'button', class: 'time', 'aria-label': label, onclick: () => play(player, episode, at) }, clock(at))
    : el('a', { class: 'time', href: episodeHref(episode.id, at), 'aria-label': 'Open the transcript at ' + clock(at) }, clock(at));
  const how = moment.matchedBy && MATCHED_BY[moment.matchedBy];
  return el('li', { class: 'moment' },
    time,
    moment.speaker ? el('span', { class: 'speaker' }, moment.speaker + ': ') : '',
    highlighted(moment.highlight),
    how ? el('span', { class: 'matched matched-' + moment.matchedBy }, how) : '',
    copyButton(episode, at));
}

/** The episode's audio in a player below the result, from that second. */
export function play(container, episode, ms) {
  let audio = container.querySelector('audio');
  if (!audio) {
    audio = el('audio', { controls: true, preload: 'metadata', 'aria-label': 'Audio of ' + (episode.title || 'the episode') });
    audio.src = episode.audioUrl;
    container.append(audio);
  }
  seek(audio, ms / 1000);
  audio.play().catch(() => { /* the reader presses play */ });
  audio.focus();
}

/** Sets the time now, and again once the audio's length is known (a seek before that can be lost). */
export function seek(audio, seconds) {
  audio.currentTime = seconds;
  if (audio.readyState < 1) {
    audio.addEventListener('loadedmetadata', () => { audio.currentTime = seconds; }, { once: true });
  }
}

function copyButton(episode, at) {
  const url = location.origin + episodeHref(episode.id, at);
  const button = el('button', { type: 'button', class: 'copy', 'aria-label': 'Copy link to this moment (' + clock(at) + ')',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(url);
        button.textContent = 'Link copied';
      } catch {
        window.prompt('Copy this link', url);
      }
    } }, 'Copy link');
  button.dataset.url = url;
  return button;
}
