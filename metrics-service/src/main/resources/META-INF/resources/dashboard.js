// Tierline ops dashboard: tiles and queue table from GET /kpis and /kpis/breakdown, charts from /kpis/series,
// all kept live from the Server-Sent Events of GET /kpis/stream; queue depth and longest wait polled from
// GET /kpis/queues, and the tiles of KPIs no kpi.* topic carries (polled: true) from GET /kpis. Plain JS and SVG,
// no external resources. The KPI endpoints need an ops, supervisor or admin token: opened as /#token=<JWT>, the
// page keeps the token for the tab (sessionStorage), takes it off the address bar and sends it as
// Authorization: Bearer on every request. Without one it sends none (a sign-in proxy in front may add it).
'use strict';

const TILES = [
  { kpi: 'fcr', name: 'FCR', format: 'percent' },
  { kpi: 'fcr-7d', name: '7-day FCR (provisional)', format: 'percent' },
  { kpi: 'aht', name: 'AHT', format: 'duration' },
  { kpi: 'asa', name: 'ASA', format: 'duration' },
  { kpi: 'service-level', name: 'Service level', format: 'percent' },
  { kpi: 'abandonment', name: 'Abandonment', format: 'percent' },
  { kpi: 'escalation', name: 'Escalation', format: 'percent' },
  { kpi: 'csat', name: 'CSAT', format: 'percent' },
  { kpi: 'occupancy', name: 'Occupancy', format: 'percent' },
  // not on any kpi.* topic, so not in /kpis/stream: polled
  { kpi: 'deflection', name: 'L0 deflection', format: 'percent', polled: true },
];
const CHARTS = ['fcr', 'aht', 'asa', 'service-level', 'abandonment', 'csat'];
const HOUR_MS = 3600 * 1000;

const WAITS_EVERY_MS = 5000;
const STREAM_RETRY_MS = 1000;
const STREAM_RETRY_MAX_MS = 30000;
const TOKEN_KEY = 'tierline.token';

const state = { window: 'PT15M', windowStart: null, queues: new Map(), waits: new Map(), series: new Map() };

function format(kind, value) {
  if (value === null || value === undefined) return '–';
  if (kind === 'percent') return (value * 100).toFixed(1) + ' %';
  if (kind === 'duration') {
    const s = Math.round(value);
    return s >= 60 ? Math.floor(s / 60) + ' m ' + String(s % 60).padStart(2, '0') + ' s' : s + ' s';
  }
  return String(value);
}

function detail(v, kpi) {
  if (!v) return 'not computed yet';
  if (kpi === 'occupancy') {
    return format('duration', v.numerator / 1000) + ' of ' + format('duration', v.denominator / 1000) + ' staffed';
  }
  if (v.denominator !== undefined) return v.numerator + ' of ' + v.denominator;
  if (v.count !== undefined) {
    return v.count + (v.p90 !== undefined && v.p90 !== null ? ' · p90 ' + format('duration', v.p90) : '');
  }
  return '';
}

function timeOf(iso) {
  return iso.substring(11, 16);
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function buildTiles() {
  const tiles = document.getElementById('tiles');
  tiles.replaceChildren();
  for (const t of TILES) {
    const tile = el('div', 'tile');
    tile.id = 'tile-' + t.kpi;
    tile.append(el('div', 'name', t.name), el('div', 'value', '–'), el('div', 'detail', ''), el('div', 'window', ''));
    tiles.append(tile);
  }
}

function showTile(kpi, value, windowStart, windowEnd, flash) {
  const tile = document.getElementById('tile-' + kpi);
  if (!tile) return;
  const t = TILES.find(x => x.kpi === kpi);
  tile.querySelector('.value').textContent = format(t.format, value ? value.value : null);
  let text = detail(value, kpi);
  if (kpi === 'csat' && state.csatMean !== undefined && state.csatMean !== null) {
    text += ' · mean ' + state.csatMean.toFixed(2);
  }
  tile.querySelector('.detail').textContent = text;
  tile.querySelector('.window').textContent = state.window + ' · ' + timeOf(windowStart) + '–' + timeOf(windowEnd) + ' UTC';
  if (flash) {
    tile.classList.remove('updated');
    void tile.offsetWidth;
    tile.classList.add('updated');
  }
}

// The token of #token=<JWT>, kept for this tab; the fragment is never sent to the server and is removed here.
function takeToken() {
  const given = new URLSearchParams(location.hash.substring(1)).get('token');
  if (given) {
    history.replaceState(null, '', location.pathname + location.search);
    try { sessionStorage.setItem(TOKEN_KEY, given); } catch (e) { return given; }
  }
  try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return given; }
}

const token = takeToken();

function withToken(headers) {
  return token ? Object.assign({ Authorization: 'Bearer ' + token }, headers) : headers;
}

function failure(url, status) {
  const e = new Error(url + ' answered ' + status);
  e.status = status;
  return e;
}

async function getJson(url) {
  const response = await fetch(url, { headers: withToken({ Accept: 'application/json' }) });
  if (!response.ok) throw failure(url, response.status);
  return response.json();
}

// GET of a Server-Sent Events stream with fetch (EventSource cannot send the token): calls opened() on the 200,
// then event({type, id, data}) per event; settles when the stream ends.
async function readStream(url, lastEventId, opened, event) {
  const headers = withToken({ Accept: 'text/event-stream' });
  if (lastEventId) headers['Last-Event-ID'] = lastEventId;
  const response = await fetch(url, { headers, cache: 'no-store' });
  if (!response.ok) throw failure(url, response.status);
  opened();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parse = sseParser(event);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    parse(value);
  }
}

// The event stream format: lines of field: value, an empty line dispatches the event, ':' starts a comment.
function sseParser(event) {
  let buffer = '';
  let pending = { type: '', id: '', data: [] };
  return chunk => {
    buffer += chunk;
    const lines = buffer.split(/\r\n|\n|\r(?!$)/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (pending.data.length) {
          try {
            event({ type: pending.type || 'message', id: pending.id, data: pending.data.join('\n') });
          } catch (e) {
            console.error(e);
          }
        }
        pending = { type: '', id: pending.id, data: [] };
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.substring(0, colon);
      const value = colon < 0 ? '' : line.substring(colon + 1).replace(/^ /, '');
      if (field === 'event') pending.type = value;
      else if (field === 'data') pending.data.push(value);
      else if (field === 'id') pending.id = value;
    }
  };
}

async function loadTiles() {
  const k = await getJson('kpis?window=' + state.window);
  state.windowStart = k.windowStart;
  state.windowEnd = k.windowEnd;
  state.csatMean = k['csat-mean'] ? k['csat-mean'].value : null;
  for (const t of TILES) showTile(t.kpi, k[t.kpi], k.windowStart, k.windowEnd, false);
}

// The tiles of the KPIs that /kpis/stream does not carry, every few seconds; a changed value flashes.
async function loadPolledTiles() {
  const selected = state.window;
  for (const t of TILES.filter(x => x.polled)) {
    const k = await getJson('kpis?kpi=' + t.kpi + '&window=' + selected);
    if (selected !== state.window) return;
    const tile = document.getElementById('tile-' + t.kpi);
    const before = tile.querySelector('.value').textContent + tile.querySelector('.detail').textContent;
    showTile(t.kpi, k[t.kpi], k.windowStart, k.windowEnd, false);
    const after = tile.querySelector('.value').textContent + tile.querySelector('.detail').textContent;
    if (before !== after) showTile(t.kpi, k[t.kpi], k.windowStart, k.windowEnd, true);
  }
}

async function loadQueues() {
  const points = await getJson('kpis/breakdown?by=queue&window=PT15M');
  state.queues.clear();
  for (const p of points) queueValue(p.dimension.substring('queue='.length), p.kpi, p);
  if (points.length) {
    document.getElementById('queue-window').textContent = '(PT15M from ' + timeOf(points[0].windowStart) + ' UTC)';
  }
  renderQueues();
}

async function loadWaits() {
  const queues = await getJson('kpis/queues');
  state.waits = new Map(queues.map(q => [q.queueId, q]));
  for (const q of queues) if (!state.queues.has(q.queueId)) state.queues.set(q.queueId, {});
  renderQueues();
}

function queueValue(queue, kpi, value) {
  if (!state.queues.has(queue)) state.queues.set(queue, {});
  state.queues.get(queue)[kpi] = value;
}

function renderQueues() {
  const body = document.querySelector('#queues tbody');
  body.replaceChildren();
  for (const [queue, k] of [...state.queues.entries()].sort()) {
    const row = el('tr');
    row.dataset.queue = queue;
    const wait = state.waits.get(queue);
    const cells = [queue, wait ? wait.depth : 0, wait ? format('duration', wait.longestWaitSeconds) : '–',
      k.asa ? k.asa.count : 0, format('duration', k.asa && k.asa.value),
      k.aht ? k.aht.count : 0, format('duration', k.aht && k.aht.value), format('percent', k.fcr && k.fcr.value),
      k.qa && k.qa.value !== null ? k.qa.value.toFixed(1) : '–'];
    for (const c of cells) row.append(el('td', null, String(c)));
    body.append(row);
  }
}

async function loadCharts() {
  const from = new Date(Date.now() - HOUR_MS).toISOString();
  const points = await getJson('kpis/series?window=PT1M&from=' + encodeURIComponent(from));
  state.series.clear();
  for (const p of points) seriesValue(p.kpi, p.windowStart, p.value);
  renderCharts();
}

function seriesValue(kpi, windowStart, value) {
  if (!CHARTS.includes(kpi)) return;
  if (!state.series.has(kpi)) state.series.set(kpi, new Map());
  state.series.get(kpi).set(windowStart, value);
}

function renderCharts() {
  const charts = document.getElementById('charts');
  charts.replaceChildren();
  const now = Date.now();
  for (const kpi of CHARTS) {
    const box = el('div', 'chart');
    const name = TILES.find(t => t.kpi === kpi).name;
    const points = [...(state.series.get(kpi) || new Map()).entries()]
      .map(([start, v]) => [Date.parse(start), v])
      .filter(([t, v]) => v !== null && now - t <= HOUR_MS)
      .sort((a, b) => a[0] - b[0]);
    const last = points.length ? points[points.length - 1][1] : null;
    box.append(el('h3', null, name + ' · ' + format(TILES.find(t => t.kpi === kpi).format, last)));
    box.append(sparkline(points, now));
    charts.append(box);
  }
}

function sparkline(points, now) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 600 100');
  svg.setAttribute('preserveAspectRatio', 'none');
  if (!points.length) return svg;
  const max = Math.max(...points.map(p => p[1]), 1e-9);
  const xy = points.map(([t, v]) => [600 * (1 - (now - t) / HOUR_MS), 95 - 90 * v / max]);
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute('points', xy.map(p => p[0].toFixed(1) + ',' + p[1].toFixed(1)).join(' '));
  svg.append(line);
  const dot = document.createElementNS(ns, 'circle');
  dot.setAttribute('cx', xy[xy.length - 1][0]);
  dot.setAttribute('cy', xy[xy.length - 1][1]);
  dot.setAttribute('r', 3);
  svg.append(dot);
  return svg;
}

function onSnapshot(s) {
  const kpi = s.kpi === 'csat-mean' ? 'csat' : s.kpi;
  const value = { value: s.value, numerator: s.numerator, denominator: s.denominator, count: s.count, p90: s.p90 };
  if (s.unit === 'seconds') { delete value.numerator; delete value.denominator; }
  else { delete value.count; }
  if (s.dimension === 'all' && s.window === state.window && (!state.windowStart || s.windowStart >= state.windowStart)) {
    state.windowStart = s.windowStart;
    state.windowEnd = s.windowEnd;
    if (s.kpi === 'csat-mean') {
      state.csatMean = s.value;
    } else {
      showTile(kpi, value, s.windowStart, s.windowEnd, true);
    }
  }
  if (s.dimension === 'all' && s.window === 'PT1M' && s.kpi !== 'csat-mean') {
    seriesValue(s.kpi, s.windowStart, s.value);
    renderCharts();
  }
  if (s.dimension.startsWith('queue=') && s.window === 'PT15M') {
    queueValue(s.dimension.substring('queue='.length), s.kpi, value);
    renderQueues();
  }
}

// Follows /kpis/stream; reconnects with a growing delay when it ends or fails, except when refused (401/403).
function connect() {
  const status = document.getElementById('status');
  let delayMs = STREAM_RETRY_MS;
  let lastEventId = '';
  const reconnect = e => {
    if (e && isRefused(e)) {
      showError(e);
      return;
    }
    status.textContent = 'reconnecting…';
    setTimeout(open, delayMs);
    delayMs = Math.min(delayMs * 2, STREAM_RETRY_MAX_MS);
  };
  const open = () => readStream('kpis/stream', lastEventId,
    () => { status.textContent = 'live'; delayMs = STREAM_RETRY_MS; },
    e => {
      lastEventId = e.id;
      if (e.type === 'KpiSnapshot') onSnapshot(JSON.parse(e.data));
    }).then(() => reconnect(), reconnect);
  open();
}

function selectWindow(button) {
  document.querySelectorAll('#windows button').forEach(b => b.classList.toggle('selected', b === button));
  state.window = button.dataset.window;
  loadTiles().catch(showError);
}

function isRefused(e) {
  return e.status === 401 || e.status === 403;
}

function showError(e) {
  const status = document.getElementById('status');
  status.textContent = e.message;
  status.dataset.error = 'true';
  if (isRefused(e)) showAccess(e.status);
}

// Why the data is refused and how to pass a token.
function showAccess(answered) {
  const access = document.getElementById('access');
  const why = answered === 401
    ? (token ? 'The token of this tab was not accepted (expired, or from another issuer). '
      : 'No token was given. ')
    : 'The token of this tab has none of the roles that may read the KPIs. ';
  access.textContent = 'Access refused (' + answered + '): ' + why
    + 'The KPIs need a token with the ops, supervisor or admin role: open this page as '
    + location.origin + location.pathname + '#token=<JWT>';
  access.hidden = false;
}

function clearError() {
  const status = document.getElementById('status');
  document.getElementById('access').hidden = true;
  if (status.dataset.error) {
    delete status.dataset.error;
    status.textContent = 'live';
  }
}

// Retries a first load until it succeeds (the KPI endpoints answer 503 while the service is starting).
function retry(load, delayMs) {
  return load().then(clearError, e => {
    showError(e);
    return new Promise(resolve => setTimeout(resolve, delayMs)).then(() => retry(load, Math.min(delayMs * 2, 10000)));
  });
}

// A token passed after loading (#token= typed into the address bar) is taken on a reload.
window.addEventListener('hashchange', () => {
  if (new URLSearchParams(location.hash.substring(1)).get('token')) location.reload();
});
document.querySelectorAll('#windows button').forEach(b => b.addEventListener('click', () => selectWindow(b)));
buildTiles();
retry(loadTiles, 1000);
retry(() => loadQueues().then(loadWaits), 1000);
retry(loadCharts, 1000);
setInterval(() => loadWaits().catch(showError), WAITS_EVERY_MS);
setInterval(() => loadPolledTiles().catch(showError), WAITS_EVERY_MS);
connect();
