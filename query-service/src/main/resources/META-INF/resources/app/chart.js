// Mentions over time (GET /v1/trends) under the search's filters: one bar per month, split by show; a bar narrows the
// search to its month.
import { el } from './dom.js';
import { getJson } from './api.js';
import { readState, pushState, filterParams, stateQuery } from './state.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#1f5fa8', '#b3541e', '#2e7d32', '#7b3fa0', '#8a6d00', '#00796b', '#c2185b', '#455a64'];

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export async function trendChart(section, state) {
  // the same filters as the results beside it: shows, speakers, languages, the years or dates chosen
  const params = filterParams(state);
  params.set('q', state.q);
  params.set('interval', 'month');
  const trend = await getJson('/v1/trends', params);
  const buckets = trend.buckets;
  if (stateQuery(readState()) !== stateQuery(state)) return; // another search was asked meanwhile
  if (!buckets.length) { section.replaceChildren(); return; }
  const shows = [...new Set(buckets.flatMap(b => b.shows.map(s => s.show)))];
  const colour = show => COLOURS[shows.indexOf(show) % COLOURS.length];
  const max = Math.max(1, ...buckets.map(b => b.count));
  const width = 600, height = 120, gap = 2;
  const step = width / buckets.length;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + 16}`, role: 'group', 'aria-label': 'Mentions per month' });
  buckets.forEach((bucket, i) => {
    const next = buckets[i + 1]?.start ?? nextMonth(bucket.start);
    const label = month(bucket.start) + ': ' + bucket.count + (bucket.count === 1 ? ' mention' : ' mentions');
    const link = svg('a', { class: 'period', href: '/?' + stateQuery({ ...state, after: bucket.start, before: next, year: [] }),
      'aria-label': label + '. Show only this month', 'data-start': bucket.start, 'data-count': bucket.count },
    svg('title', {}, label));
    link.addEventListener('click', event => {
      event.preventDefault();
      pushState({ ...readState(), after: bucket.start, before: next, year: [] });
    });
    link.append(svg('rect', { x: i * step + gap / 2, y: 0, width: step - gap, height, class: 'hit' }));
    let y = height;
    for (const { show, count } of bucket.shows) {
      const h = (count / max) * height;
      y -= h;
      link.append(svg('rect', { x: i * step + gap / 2, y, width: step - gap, height: h, fill: colour(show) }));
    }
    chart.append(link);
  });
  chart.append(svg('text', { x: 0, y: height + 13, class: 'axis' }, month(buckets[0].start)),
    svg('text', { x: width, y: height + 13, class: 'axis', 'text-anchor': 'end' }, month(buckets[buckets.length - 1].start)));
  const legend = el('ul', { class: 'legend' }, shows.map(show =>
    el('li', {}, el('span', { class: 'swatch', style: 'background:' + colour(show) }), show)));
  section.replaceChildren(el('h2', {}, 'Mentions over time'), chart, legend);
}

function month(start) {
  return new Date(start + 'T00:00:00Z').toLocaleDateString(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' });
}

function nextMonth(start) {
  const d = new Date(start + 'T00:00:00Z');
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}
