// The upload page: a transcript file and its metadata, sent to the ingest service with the user's API key, then its
// status live: RECEIVED -> PUBLISHED -> INDEXED (or FAILED with the reason), and a link once it is searchable.
import { el, page, episodeHref } from './dom.js';
import { ingest, storedKey, storeKey, ApiError } from './api.js';

const FIELDS = [
  ['show', 'Show', 'text'], ['title', 'Title', 'text'], ['publishedAt', 'Published on', 'date'],
  ['audioUrl', 'Audio URL', 'url'], ['language', 'Language (e.g. en)', 'text'],
  ['speakers', 'Speakers (comma-separated)', 'text'], ['externalId', 'External id', 'text'],
];

export function uploadView() {
  const key = el('input', { id: 'upload-key', type: 'password', autocomplete: 'off', required: true, value: storedKey() });
  const file = el('input', { id: 'upload-file', name: 'file', type: 'file', required: true,
    accept: '.txt,.vtt,.srt,.json,.html,.htm,text/plain,text/vtt,application/json,text/html' });
  const chosen = el('p', { class: 'chosen', 'aria-live': 'polite' });
  file.addEventListener('change', () => { chosen.textContent = file.files[0] ? 'Chosen: ' + file.files[0].name : ''; });
  const drop = el('div', { class: 'drop' },
    el('label', { for: 'upload-file' }, 'Transcript file (sample text export, WebVTT, SubRip, Podcasting 2.0 JSON or HTML, or plain text)'),
    file, el('p', { class: 'hint' }, 'or drop the file here'), chosen);
  drop.addEventListener('dragover', event => { event.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', event => {
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer.files.length) { file.files = event.dataTransfer.files; file.dispatchEvent(new Event('change')); }
  });
  const inputs = FIELDS.map(([name, label, type]) => {
    const input = el('input', { id: 'upload-' + name, name, type });
    return el('div', { class: 'field' }, el('label', { for: input.id }, label), input);
  });
  const notes = el('textarea', { id: 'upload-notes', name: 'notes', rows: '3' });
  const result = el('div', { class: 'upload-result', 'aria-live': 'polite' });
  const form = el('form', { class: 'upload', onsubmit: event => send(event, form, key, result) },
    el('div', { class: 'field' }, el('label', { for: 'upload-key' }, 'API key (ingest role; kept in this tab only)'), key),
    drop, inputs, el('div', { class: 'field' }, el('label', { for: 'upload-notes' }, 'Show notes'), notes),
    el('button', { class: 'primary' }, 'Upload'));
  page('Upload', el('h1', {}, 'Upload a transcript'), form, result);
}

async function send(event, form, key, result) {
  event.preventDefault();
  storeKey(key.value);
  const data = new FormData(form);
  for (const [name, value] of [...data.entries()]) if (value === '') data.delete(name);
  const button = form.querySelector('button.primary');
  button.disabled = true;
  result.replaceChildren(el('p', { class: 'status', role: 'status' }, 'Uploading…'));
  try {
    const accepted = await (await ingest('/v1/transcripts', { method: 'POST', body: data })).json();
    follow(accepted.id, result);
  } catch (error) {
    result.replaceChildren(refusal(error));
  } finally {
    button.disabled = false;
  }
}

function refusal(error) {
  const line = error instanceof ApiError && error.problem.line ? ' (line ' + error.problem.line + ')' : '';
  return el('div', { class: 'error', role: 'alert' }, el('h2', {}, 'The upload was refused'), el('p', {}, error.message + line));
}

const STEPS = ['RECEIVED', 'PUBLISHED', 'INDEXED'];

/** Asks for the status every second until the transcript is searchable or failed. */
async function follow(id, result) {
  const steps = el('ol', { class: 'steps' }, STEPS.map(s => el('li', { 'data-step': s }, s.toLowerCase())));
  const status = el('p', { class: 'status upload-status', role: 'status' }, 'Received');
  result.replaceChildren(el('h2', {}, 'Upload ' + id), steps, status);
  result.scrollIntoView({ block: 'nearest' });
  for (;;) {
    let body;
    try {
      body = await (await ingest('/v1/transcripts/' + encodeURIComponent(id))).json();
    } catch (error) {
      status.textContent = 'Cannot read the status: ' + error.message;
      return;
    }
    status.dataset.status = body.status;
    const reached = STEPS.indexOf(body.status);
    steps.querySelectorAll('li').forEach((li, i) => li.classList.toggle('done', i <= reached));
    if (body.status === 'INDEXED') {
      status.replaceChildren('Indexed: searchable now. ', el('a', { href: episodeHref(id) }, 'Open “' + (body.title || id) + '”'));
      return;
    }
    if (body.status === 'FAILED' || body.status === 'DELETED') {
      status.textContent = body.status === 'FAILED' ? 'Failed: ' + (body.statusReason || 'no reason given') : 'Deleted.';
      return;
    }
    status.textContent = body.status.charAt(0) + body.status.slice(1).toLowerCase() + '…';
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}
