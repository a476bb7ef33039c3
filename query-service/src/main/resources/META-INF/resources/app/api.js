// Calls to the search API (this origin) and the ingest API (its own origin, from /app-config), with the API key.
import { el } from './dom.js';

const KEY = 'podsearch.key';
let config;

/** {ingestUrl, requireKey}: set in query-service's application.properties (query.web.*). */
export async function appConfig() {
  if (!config) {
    const response = await fetch('/app-config');
    config = response.ok ? await response.json() : { ingestUrl: '', requireKey: false };
  }
  return config;
}

export function storedKey() {
  return sessionStorage.getItem(KEY) || '';
}

export function storeKey(key) {
  if (key) sessionStorage.setItem(KEY, key.trim());
  else sessionStorage.removeItem(KEY);
}

/** An API failure: the problem's detail (RFC 9457), its status and the whole problem. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'The request failed (HTTP ' + status + ')');
    this.status = status;
    this.problem = problem;
  }
}

async function send(url, options = {}) {
  const headers = new Headers(options.headers || {});
  const key = storedKey();
  if (key) headers.set('Authorization', 'Bearer ' + key);
  const response = await fetch(url, { ...options, headers });
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  return response;
}

/**
 * GET from the search API. A 401 asks for a key (one dialog, however many calls were refused at once) and tries again;
 * a key refused again is forgotten, so the next call asks anew, and the problem's detail is what the caller shows.
 */
async function get(path, params) {
  const url = params ? path + '?' + params : path;
  try {
    return await send(url);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || !await askOnce(error.message)) throw error;
    try {
      return await send(url);
    } catch (again) {
      if (again instanceof ApiError && again.status === 401) storeKey('');
      throw again;
    }
  }
}

/** GET a JSON document of the search API. */
export async function getJson(path, params) {
  return (await get(path, params)).json();
}

/**
 * Downloads a file of the search API as {@code filename}: fetched with the key in its header (a plain link could not
 * send it, and a key must never be put in a URL), then saved from an object URL.
 */
export async function download(path, params, filename) {
  const blob = await (await get(path, params)).blob();
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

let asking; // the key dialog on screen: calls refused meanwhile wait for its answer

function askOnce(reason) {
  asking ??= askForKey(reason).finally(() => { asking = undefined; });
  return asking;
}

/** A call to the ingest service (uploads and their statuses). */
export async function ingest(path, options) {
  const { ingestUrl } = await appConfig();
  return send((ingestUrl || '').replace(/\/$/, '') + path, options);
}

/** A modal dialog asking for an API key, kept in this tab's session storage. Resolves true when one was given. */
export function askForKey(reason) {
  return new Promise(resolve => {
    const input = el('input', { id: 'key-input', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
    const dialog = el('dialog', { class: 'key-dialog', 'aria-labelledby': 'key-title' },
      el('form', { method: 'dialog' },
        el('h2', { id: 'key-title' }, 'An API key is needed'),
        el('p', {}, reason || 'This service needs an API key.', ' It is kept in this browser tab only (session storage).'),
        el('label', { for: 'key-input' }, 'API key'), input,
        el('div', { class: 'actions' },
          el('button', { value: 'cancel', type: 'button', onclick: () => dialog.close('cancel') }, 'Cancel'),
          el('button', { value: 'ok', class: 'primary' }, 'Use this key'))));
    dialog.addEventListener('close', () => {
      const ok = dialog.returnValue === 'ok' && input.value.trim() !== '';
      if (ok) storeKey(input.value);
      dialog.remove();
      resolve(ok);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
