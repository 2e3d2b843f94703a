// newsgraph web UI: plain DOM, no framework. All data from the API is put in the page through
// textContent and attributes only, never parsed as HTML.
'use strict';

const App = (() => {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const QUADS = { 1: 'Verbal cooperation', 2: 'Material cooperation', 3: 'Verbal conflict', 4: 'Material conflict' };
  // Mention types of the record, mapped to the actor types used for colours.
  const MENTION_TYPES = { PERSON: 'person', ORG: 'organization', GPE: 'country', LOC: 'place', NORP: 'group', GROUP: 'group' };
  const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

  const state = {
    record: null,       // the record shown in the reader
    cp: [0],            // code point index -> UTF-16 index of record.text
    fromPaste: false,   // whether the reader shows a pasted text
    articles: { offset: 0, limit: 100, items: [] },
    events: [],         // rows of the events table (filtered)
    allEvents: [],      // the unfiltered first page: timeline and map
    sort: { key: 'date', dir: 1 },
    mapZoomed: false,
    activeTab: 'articles',
  };

  // ---------------------------------------------------------------- helpers

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

  /** Creates an element: el('td', {class: 'x', data: {id: 1}}, 'text', child...). */
  function el(tag, attrs, ...children) {
    return fill(document.createElement(tag), attrs, children);
  }

  /** Same as el, in the SVG namespace. */
  function svg(tag, attrs, ...children) {
    return fill(document.createElementNS(SVG_NS, tag), attrs, children);
  }

  function fill(node, attrs, children) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (!has(v) || v === false) continue;
      if (k === 'data') Object.assign(node.dataset, v);
      else if (k === 'class') node.setAttribute('class', v);
      else if (k.startsWith('on')) throw new Error('no event attributes');
      else node.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (!has(c) || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  /** Calls fn(event) on a click, or on Enter in a focused child (rows, list items, nodes). */
  function onActivate(node, fn) {
    node.addEventListener('click', fn);
    node.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') fn(ev); });
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /** A query string from the non-empty values of params. */
  function query(params) {
    const parts = [];
    for (const [k, v] of Object.entries(params)) {
      if (has(v) && v !== '') parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
    }
    return parts.length ? `?${parts.join('&')}` : '';
  }

  /** Fetches JSON; throws an Error carrying the API's message on failure. */
  async function api(path, options) {
    let res;
    try {
      res = await fetch(path, options);
    } catch (e) {
      throw new Error(`cannot reach the server (${e.message})`);
    }
    const body = await res.text();
    let json = null;
    try { json = body ? JSON.parse(body) : null; } catch (_) { json = null; }
    if (!res.ok) {
      const msg = json && json.error && json.error.message;
      throw new Error(msg || `${res.status} ${res.statusText || 'error'}`);
    }
    if (json === null) throw new Error('the server answered no JSON');
    return json;
  }

  /** Numbers requests by purpose, so that an answer overtaken by a newer request is dropped. */
  const tickets = {};
  const ticket = (name) => (tickets[name] = (tickets[name] || 0) + 1);
  const stale = (name, t) => tickets[name] !== t;

  function showMessage(node, text, kind = 'error') {
    node.textContent = text || '';
    node.hidden = !text;
    node.classList.toggle('error', kind === 'error' && !!text);
    node.classList.toggle('info', kind !== 'error' && !!text);
  }

  const has = (v) => v !== null && v !== undefined;
  const dash = (v) => (has(v) && v !== '' ? String(v) : '—');
  const fmt = (n) => (typeof n === 'number' ? n.toLocaleString('en') : dash(n));
  const truncate = (s, n) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : s || '');

  /** Quad class (1-4) of a CAMEO code, as the store computes it. */
  function quadOf(code) {
    const root = parseInt(String(code || '').slice(0, 2), 10);
    if (root >= 1 && root <= 5) return 1;
    if (root >= 6 && root <= 8) return 2;
    if (root >= 9 && root <= 13) return 3;
    return 4;
  }

  /** Quad class of an event row: the API's, or one computed from its code. */
  const quadOfRow = (e) => ([1, 2, 3, 4].includes(e.quad) ? e.quad : quadOf(e.code));

  /** Maps code point offsets to UTF-16 offsets: map[i] is where code point i starts. */
  function codePointMap(text) {
    const map = [0];
    let u = 0;
    for (const ch of text) {
      u += ch.length;
      map.push(u);
    }
    return map;
  }

  /** Text between two code point offsets of the current record. */
  function sliceCp(start, end) {
    const cp = state.cp;
    const clamp = (i) => cp[Math.max(0, Math.min(i, cp.length - 1))];
    return state.record.text.slice(clamp(start), clamp(end));
  }

  // ---------------------------------------------------------------- tabs

  function showTab(name) {
    state.activeTab = name;
    for (const b of $$('nav [data-tab]')) {
      const on = b.dataset.tab === name;
      b.classList.toggle('active', on);
      b.setAttribute('aria-selected', on ? 'true' : 'false');
    }
    for (const s of $$('section[data-panel]')) s.hidden = s.dataset.panel !== name;
    placeReader();
    hideTooltip();
  }

  /** The reader lives in the articles panel, or under the paste form while it shows a pasted text. */
  function placeReader() {
    const reader = $('#reader');
    const target = state.activeTab === 'paste' && state.fromPaste
      ? $('#paste-reader-slot') : $('section[data-panel="articles"]');
    if (reader.parentNode !== target) target.appendChild(reader);
  }

  // ---------------------------------------------------------------- stats

  async function loadStats() {
    const box = $('#stats');
    try {
      const s = await api('/v1/stats');
      clear(box);
      const c = s.counts || {};
      const labels = { articles: 'articles', duplicates: 'copies', actors: 'actors', quotes: 'quotes', events: 'events', stories: 'stories', rejects: 'rejects' };
      for (const [key, label] of Object.entries(labels)) {
        if (has(c[key])) box.append(el('span', { class: 'stat', data: { stat: key } }, el('b', {}, fmt(c[key])), ` ${label}`));
      }
      const p = s.published || {};
      if (p.first || p.last) {
        box.append(el('span', { class: 'stat' }, `published ${dash(p.first)} – ${dash(p.last)}`));
      }
      // event counts in the root filter
      for (const opt of $$('#filter-root option')) {
        const n = (s.events_by_root || {})[opt.value];
        if (opt.value && n) opt.textContent = `${opt.textContent.replace(/ \(\d+\)$/, '')} (${n})`;
      }
    } catch (e) {
      clear(box).append(el('span', { class: 'error' }, `Stats unavailable: ${e.message}`));
    }
  }

  // ---------------------------------------------------------------- article list

  async function loadArticles(append = false) {
    const a = state.articles;
    const msg = $('#article-message');
    if (!append) a.offset = 0;
    const params = {
      limit: a.limit, offset: a.offset,
      text: $('#article-search').value.trim(),
      unique: $('#article-unique').checked ? 'true' : '',
    };
    const t = ticket('articles');
    try {
      const page = await api(`/v1/articles${query(params)}`);
      if (stale('articles', t)) return;
      a.items = append ? a.items.concat(page.items) : page.items;
      a.offset += page.items.length;
      $('#article-more').hidden = page.items.length < a.limit;
      showMessage(msg, a.items.length ? '' : 'No article matches.', 'info');
      renderArticleList(append ? page.items : a.items, append);
    } catch (e) {
      if (stale('articles', t)) return;
      showMessage(msg, e.message);
      if (!append) clear($('#article-list'));
    }
  }

  function renderArticleList(items, append) {
    const list = $('#article-list');
    if (!append) clear(list);
    for (const it of items) {
      const li = el('li', { class: 'article-item', tabindex: 0, data: { id: it.article } },
        el('span', { class: 'item-title' }, it.title || it.article),
        it.duplicate_of ? el('span', { class: 'badge copy', title: `copy of ${it.duplicate_of}` }, 'copy') : null);
      const meta = [it.published || 'no date', it.outlet, `${it.events || 0} events`];
      if (it.killed) meta.push(`${it.killed} killed`);
      li.append(el('span', { class: 'item-meta' }, meta.filter(Boolean).join(' · ')));
      if (state.record && state.record.id === it.article && !state.fromPaste) li.classList.add('selected');
      list.append(li);
    }
  }

  function markSelectedArticle(id) {
    for (const li of $$('#article-list li.article-item')) {
      li.classList.toggle('selected', id !== null && li.dataset.id === id);
    }
  }

  /** Loads an article's record into the reader; focus = [start, end] in code points. */
  async function openArticle(id, focus) {
    const view = $('#article-view');
    view.classList.add('loading');
    const t = ticket('reader');
    try {
      const record = await api(`/v1/articles/${encodeURIComponent(id)}`);
      if (stale('reader', t)) return;
      state.fromPaste = false;
      placeReader();
      renderRecord(record, focus);
      markSelectedArticle(id);
    } catch (e) {
      if (!stale('reader', t)) showRecordError(`Article ${id}: ${e.message}`);
    } finally {
      view.classList.remove('loading');
    }
  }

  /** Opens the article an event row points to, with its trigger highlighted. */
  function openEvidence(row) {
    showTab('articles');
    const hasSpan = Number.isInteger(row.trigger_start) && Number.isInteger(row.trigger_end);
    return openArticle(row.article, hasSpan ? [row.trigger_start, row.trigger_end] : null);
  }

  function showRecordError(text) {
    Object.assign(state, { record: null, fromPaste: false, cp: [0] });
    $('#article-title').textContent = 'Cannot show this article';
    $('#article-meta').textContent = '';
    clear($('#article-facts'));
    clear($('#article-view')).append(el('p', { class: 'message error' }, text));
    resetDetail();
  }

  // ---------------------------------------------------------------- record rendering

  function renderRecord(record, focus) {
    state.record = record;
    state.cp = codePointMap(record.text || '');
    const meta = record.meta || {};
    $('#article-title').textContent = meta.title || (state.fromPaste ? 'Pasted text' : record.id);
    const bits = [meta.published, meta.outlet, (meta.authors || []).join(', '), meta.language, `id ${record.id}`];
    $('#article-meta').textContent = bits.filter(Boolean).join(' · ');
    renderFacts(record);
    renderText(record, focus);
    resetDetail();
    if (focus) {
      const ev = (record.events || []).findIndex((e) => e.trigger && e.trigger.start === focus[0] && e.trigger.end === focus[1]);
      if (ev >= 0) showDetail({ mentions: [], quotes: [], events: [ev] });
      scrollToFocus();
    }
  }

  /** Casualties, counts and summary above the text. */
  function renderFacts(r) {
    const box = clear($('#article-facts'));
    const c = r.casualties || {};
    const toll = (x) => [has(x.killed) ? `${x.killed} killed` : null, has(x.injured) ? `${x.injured} injured` : null].filter(Boolean);
    const facts = [`${(r.events || []).length} events`, `${(r.actors || []).length} actors`, `${(r.quotes || []).length} quotes`];
    box.append(el('p', { class: 'facts-line' }, facts.concat(toll(c)).join(' · ')));
    const places = (c.by_location || []).map((p) => `${p.location}: ${toll(p).join(', ') || 'no figure'}`);
    if (places.length) box.append(el('p', { class: 'facts-line' }, `By place: ${places.join('; ')}`));
    const summary = r.summary && r.summary.text;
    if (summary) box.append(el('blockquote', { class: 'summary' }, el('b', {}, 'Summary '), summary));
  }

  /** Every highlighted span of a record: {start, end, kind, index}. */
  function annotations(r) {
    const out = [];
    (r.mentions || []).forEach((m, i) => out.push({ start: m.start, end: m.end, kind: 'mention', index: i }));
    (r.quotes || []).forEach((q, i) => out.push({ start: q.start, end: q.end, kind: 'quote', index: i }));
    (r.events || []).forEach((e, i) => {
      if (e.trigger) out.push({ start: e.trigger.start, end: e.trigger.end, kind: 'event', index: i });
    });
    return out.filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end) && a.end > a.start);
  }

  /** Actor type of a mention: its actor's type, else one read from the mention's type. */
  function mentionType(r, m) {
    const actor = has(m.actor) ? (r.actors || [])[m.actor] : null;
    const t = (actor && actor.type) || MENTION_TYPES[m.type || m.kind] || 'other';
    return /^[a-z]+$/.test(t) ? t : 'other';
  }

  /**
   * Renders the text cut at every annotation boundary: each piece covered by annotations is a
   * span.hl with the classes of all of them and data attributes listing their indexes.
   */
  function renderText(r, focus) {
    const view = clear($('#article-view'));
    const text = r.text || '';
    const n = state.cp.length - 1;
    const spans = annotations(r);
    if (focus) spans.push({ start: focus[0], end: focus[1], kind: 'focus', index: 0 });
    const cuts = new Set([0, n]);
    for (const s of spans) {
      s.start = Math.max(0, Math.min(s.start, n));
      s.end = Math.max(s.start, Math.min(s.end, n));
      cuts.add(s.start);
      cuts.add(s.end);
    }
    const bounds = Array.from(cuts).sort((a, b) => a - b);
    const slot = new Map(bounds.map((b, i) => [b, i]));
    const cover = bounds.map(() => []);
    for (const s of spans) {
      for (let i = slot.get(s.start); i < slot.get(s.end); i++) cover[i].push(s);
    }
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [a, b] = [bounds[i], bounds[i + 1]];
      const piece = text.slice(state.cp[a], state.cp[b]);
      frag.append(cover[i].length ? segment(r, piece, a, b, cover[i]) : document.createTextNode(piece));
    }
    view.append(frag);
  }

  function segment(r, piece, start, end, covering) {
    const classes = new Set(['hl']);
    const ids = { mention: [], quote: [], event: [] };
    for (const s of covering) {
      if (s.kind === 'focus') { classes.add('focus'); continue; }
      ids[s.kind].push(s.index);
      if (s.kind === 'mention') {
        classes.add('mention');
        classes.add(`type-${mentionType(r, r.mentions[s.index])}`);
      } else if (s.kind === 'quote') classes.add('quote');
      else classes.add('trigger');
    }
    const span = el('span', { class: Array.from(classes).join(' '), data: { start: String(start), end: String(end) } }, piece);
    if (ids.mention.length) span.dataset.mentions = ids.mention.join(' ');
    if (ids.quote.length) span.dataset.quotes = ids.quote.join(' ');
    if (ids.event.length) {
      span.dataset.events = ids.event.join(' ');
      // the strongest class wins when several events share a trigger
      span.dataset.quad = String(Math.max(...ids.event.map((i) => quadOf(r.events[i].cameo))));
    }
    return span;
  }

  /** The annotations a highlighted span stands for. */
  function refsOf(span) {
    const list = (v) => (v ? v.split(' ').map(Number) : []);
    return {
      mentions: list(span.dataset.mentions),
      quotes: list(span.dataset.quotes),
      events: list(span.dataset.events),
    };
  }

  /** Marks the spans within [start, end) as focused and scrolls to the first. */
  function focusRange(start, end) {
    for (const s of $$('#article-view .hl.focus')) s.classList.remove('focus');
    for (const s of $$('#article-view .hl')) {
      if (+s.dataset.start >= start && +s.dataset.end <= end) s.classList.add('focus');
    }
    scrollToFocus();
  }

  function scrollToFocus() {
    const first = $('#article-view .hl.focus');
    if (first && first.scrollIntoView) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  function actorName(i) {
    const a = has(i) && state.record ? (state.record.actors || [])[i] : null;
    return a ? a.name : '—';
  }

  // ---------------------------------------------------------------- detail panel and tooltip

  function resetDetail() {
    clear($('#detail')).append(el('p', { class: 'hint' }, 'Click a highlighted word to see its record.'));
  }

  /** A definition list of the non-empty pairs. */
  function facts(pairs) {
    const dl = el('dl', { class: 'kv' });
    for (const [k, v] of pairs) {
      if (!has(v) || v === '' || (Array.isArray(v) && !v.length)) continue;
      dl.append(el('dt', {}, k), el('dd', {}, Array.isArray(v) ? v.join(', ') : String(v)));
    }
    return dl;
  }

  function mentionDetail(i) {
    const r = state.record;
    const m = r.mentions[i];
    const a = has(m.actor) ? r.actors[m.actor] : null;
    const card = el('div', { class: `card card-mention type-${mentionType(r, m)}` },
      el('h4', {}, 'Mention ', el('q', {}, m.text)));
    if (!a) return fill(card, {}, [facts([['type', m.type || m.kind], ['actor', 'none resolved']])]);
    const geo = has(a.lat) && has(a.lon) ? `${a.lat.toFixed(3)}, ${a.lon.toFixed(3)}` : null;
    return fill(card, {}, [facts([
      ['actor', a.name], ['type', a.type], ['CAMEO', a.cameo], ['country', a.country],
      ['roles', a.roles], ['mentions', (a.mentions || []).length], ['lat, lon', geo],
    ])]);
  }

  function quoteDetail(i) {
    const q = state.record.quotes[i];
    const speaker = has(q.speaker) ? actorName(q.speaker) : null;
    return el('div', { class: 'card card-quote' }, el('h4', {}, `Quote (${q.kind})`),
      facts([['speaker', speaker], ['named as', q.speaker_text], ['cue', q.cue],
        ['sentence', Number.isInteger(q.sentence) ? q.sentence + 1 : null]]),
      el('p', { class: 'quote-text' }, truncate(q.text, 400)));
  }

  function eventDetail(i) {
    const e = state.record.events[i];
    const quad = quadOf(e.cameo);
    const loc = e.location;
    const place = loc ? [loc.name, loc.country].filter(Boolean).join(', ') : null;
    const sentence = (state.record.sentences || [])[e.sentence];
    return el('div', { class: 'card card-event', data: { quad: String(quad) } },
      el('h4', {}, `Event ${e.cameo}${e.plover ? ` · ${e.plover}` : ''}`),
      facts([
        ['quad class', `${quad} ${QUADS[quad]}`], ['Goldstein', e.goldstein],
        ['source → target', `${actorName(e.source)} → ${actorName(e.target)}`],
        ['trigger', e.trigger && e.trigger.text], ['place', place],
        ['date', e.date ? `${e.date}${e.date_text ? ` (“${e.date_text}”)` : ''}` : null],
        ['negated', e.negated ? 'yes' : 'no'], ['modality', e.modality],
        ['fatalities', e.fatalities], ['injured', e.injured],
        ['confidence', typeof e.confidence === 'number' ? e.confidence.toFixed(2) : null],
      ]),
      sentence ? el('p', { class: 'quote-text' }, truncate(sliceCp(sentence.start, sentence.end), 500)) : null);
  }

  function showDetail(refs) {
    const box = clear($('#detail'));
    refs.events.forEach((i) => box.append(eventDetail(i)));
    refs.quotes.forEach((i) => box.append(quoteDetail(i)));
    refs.mentions.forEach((i) => box.append(mentionDetail(i)));
    if (!box.firstChild) resetDetail();
  }

  /** One line per annotation, for the tooltip. */
  function tooltipLines(refs) {
    const r = state.record;
    const lines = [];
    for (const i of refs.events) {
      const e = r.events[i];
      lines.push(`Event ${e.cameo} ${e.plover || ''}: ${actorName(e.source)} → ${actorName(e.target)}${e.negated ? ' (negated)' : ''}`);
    }
    for (const i of refs.quotes) {
      const q = r.quotes[i];
      lines.push(`Quote (${q.kind}) by ${has(q.speaker) ? actorName(q.speaker) : q.speaker_text || 'unknown'}`);
    }
    for (const i of refs.mentions) {
      const m = r.mentions[i];
      const a = has(m.actor) ? r.actors[m.actor] : null;
      lines.push(a ? `${a.name} · ${a.type}${a.cameo ? ` · ${a.cameo}` : ''}` : `${m.text} (${m.type || m.kind})`);
    }
    return lines;
  }

  function showTooltip(lines, x, y) {
    const tip = $('#tooltip');
    clear(tip);
    for (const line of lines) tip.append(el('div', {}, line));
    tip.hidden = false;
    const w = tip.offsetWidth || 240;
    const h = tip.offsetHeight || 40;
    tip.style.left = `${Math.max(4, Math.min(x + 14, window.innerWidth - w - 8))}px`;
    tip.style.top = `${y + h + 24 > window.innerHeight ? y - h - 10 : y + 16}px`;
  }

  function hideTooltip() {
    const tip = $('#tooltip');
    if (tip) tip.hidden = true;
  }

  function bindReader() {
    const view = $('#article-view');
    view.addEventListener('mousemove', (ev) => {
      const span = ev.target.closest && ev.target.closest('span.hl');
      if (!span || !state.record) return hideTooltip();
      const lines = tooltipLines(refsOf(span));
      if (lines.length) showTooltip(lines, ev.clientX, ev.clientY); else hideTooltip();
    });
    view.addEventListener('mouseleave', hideTooltip);
    view.addEventListener('click', (ev) => {
      const span = ev.target.closest && ev.target.closest('span.hl');
      if (!span || !state.record) return;
      for (const s of $$('#article-view .hl.active')) s.classList.remove('active');
      span.classList.add('active');
      showDetail(refsOf(span));
    });
  }

  // ---------------------------------------------------------------- events table

  function eventFilters() {
    const params = { limit: 1000 };
    for (const k of ['root', 'actor', 'place', 'text', 'from', 'to']) params[k] = $(`#filter-${k}`).value.trim();
    return params;
  }

  async function loadEvents(initial = false) {
    const msg = $('#events-message');
    showMessage(msg, 'Loading events…', 'info');
    const t = ticket('events');
    try {
      const page = await api(`/v1/events${query(eventFilters())}`);
      if (initial) state.allEvents = page.items;
      if (stale('events', t)) return;
      state.events = page.items;
      const more = page.items.length >= page.limit ? ` (the first ${page.limit}; narrow the filters to see others)` : '';
      showMessage(msg, `${page.items.length} events${more}`, 'info');
      renderEvents();
    } catch (e) {
      if (stale('events', t)) return;
      showMessage(msg, e.message);
      state.events = [];
      renderEvents();
    }
  }

  function compareBy(key, dir) {
    return (a, b) => {
      const [x, y] = [a[key], b[key]];
      const [ex, ey] = [!has(x) || x === '', !has(y) || y === ''];
      if (ex || ey) return ex === ey ? 0 : ex ? 1 : -1; // empty values last either way
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
      return String(x).localeCompare(String(y), 'en', { numeric: true }) * dir;
    };
  }

  function renderEvents() {
    const { key, dir } = state.sort;
    for (const th of $$('#events-table th[data-sort]')) {
      const on = th.dataset.sort === key;
      th.classList.toggle('sorted-asc', on && dir > 0);
      th.classList.toggle('sorted-desc', on && dir < 0);
      th.setAttribute('aria-sort', on ? (dir > 0 ? 'ascending' : 'descending') : 'none');
    }
    const cmp = compareBy(key, dir);
    const rows = state.events.map((e, i) => [e, i]).sort((a, b) => cmp(a[0], b[0]) || a[1] - b[1]);
    clear($('#events-table tbody')).append(...rows.map(([e, i]) => eventRow(e, i)));
  }

  function eventRow(e, i) {
    const quad = quadOfRow(e);
    const flags = [e.negated ? 'negated' : null, e.modality && e.modality !== 'asserted' ? e.modality : null].filter(Boolean);
    const place = e.place ? `${e.place}${e.place_country ? ` (${e.place_country})` : ''}` : '';
    return el('tr', { class: `event-row quad-${quad}`, tabindex: 0, data: { index: String(i), quad: String(quad) } },
      el('td', { class: 'nowrap' }, dash(e.date)),
      el('td', {}, el('span', { class: 'code', title: QUADS[quad] }, e.code)),
      el('td', {}, dash(e.plover)),
      el('td', { title: e.source_cameo || '' }, dash(e.source)),
      el('td', { title: e.target_cameo || '' }, dash(e.target)),
      el('td', {}, dash(place)),
      el('td', { title: e.sentence || '' }, el('b', {}, dash(e.trigger)), flags.length ? el('span', { class: 'flag' }, ` ${flags.join(', ')}`) : null),
      el('td', { class: 'article-cell', title: 'Open the article at this trigger' }, el('span', { class: 'evidence' }, truncate(e.article, 40))));
  }

  function bindEvents() {
    $('#events-filter').addEventListener('submit', (ev) => { ev.preventDefault(); loadEvents(); });
    $('#filter-reset').addEventListener('click', () => {
      $('#events-filter').reset();
      loadEvents();
    });
    $('#events-table thead').addEventListener('click', (ev) => {
      const th = ev.target.closest('th[data-sort]');
      if (!th) return;
      const key = th.dataset.sort;
      state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
      renderEvents();
    });
    onActivate($('#events-table tbody'), (ev) => {
      const tr = ev.target.closest('tr.event-row');
      if (tr) openEvidence(state.events[+tr.dataset.index]);
    });
  }

  /** Lists the events of one actor (from the network). */
  function filterByActor(name) {
    $('#events-filter').reset();
    $('#filter-actor').value = name;
    showTab('events');
    loadEvents();
  }

  // ---------------------------------------------------------------- alignment network

  async function loadAlignments() {
    try {
      const page = await api('/v1/alignments?limit=1000');
      renderNetwork(page.items);
    } catch (e) {
      showMessage($('#network-message'), `Alignments unavailable: ${e.message}`);
    }
  }

  /** Nodes and edges (actor → toward, by stance) with counts. */
  function alignmentGraph(items) {
    const nodes = new Map();
    const edges = new Map();
    const node = (name, cameo) => {
      if (!nodes.has(name)) nodes.set(name, { name, cameo: cameo || null, weight: 0 });
      return nodes.get(name);
    };
    for (const it of items) {
      if (!it.actor || !it.toward || it.actor === it.toward) continue;
      const stance = it.stance === 'support' ? 'support' : 'oppose';
      node(it.actor, it.actor_cameo).weight++;
      node(it.toward, it.toward_cameo).weight++;
      const key = JSON.stringify([it.actor, it.toward, stance]);
      if (!edges.has(key)) edges.set(key, { from: it.actor, to: it.toward, stance, count: 0, articles: new Set() });
      const e = edges.get(key);
      e.count++;
      e.articles.add(it.article);
    }
    // keep the most connected actors so the drawing stays legible
    const kept = Array.from(nodes.values()).sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name)).slice(0, 60);
    kept.sort((a, b) => a.name.localeCompare(b.name));
    const names = new Set(kept.map((n) => n.name));
    return { nodes: kept, edges: Array.from(edges.values()).filter((e) => names.has(e.from) && names.has(e.to)) };
  }

  /**
   * A small force-directed layout (Fruchterman-Reingold with gravity): nodes start on a circle in
   * name order and move for a fixed number of iterations with a falling temperature, so the result
   * is deterministic; the drawing is then scaled to fill the box (labels run to the right).
   */
  function forceLayout(nodes, edges, W, H, iterations = 300) {
    const n = nodes.length;
    const k = 60; // ideal edge length, in layout units
    nodes.forEach((nd, i) => {
      const a = (2 * Math.PI * i) / Math.max(n, 1);
      [nd.x, nd.y] = [Math.cos(a) * k * 2, Math.sin(a) * k * 2];
    });
    const index = new Map(nodes.map((nd, i) => [nd.name, i]));
    const links = edges.map((e) => [index.get(e.from), index.get(e.to)]);
    for (let it = 0; it < iterations && n > 1; it++) {
      const dx = new Float64Array(n);
      const dy = new Float64Array(n);
      const push = (i, j, x, y, f) => { dx[i] += x * f; dy[i] += y * f; dx[j] -= x * f; dy[j] -= y * f; };
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const [x, y] = [nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y];
          const d = Math.max(Math.hypot(x, y), 0.01);
          if (d < 3 * k) push(i, j, x / d, y / d, (k * k) / d); // near pairs repel
        }
      }
      for (const [a, b] of links) {
        const [x, y] = [nodes[a].x - nodes[b].x, nodes[a].y - nodes[b].y];
        const d = Math.max(Math.hypot(x, y), 0.01);
        push(a, b, x / d, y / d, -(d * d) / k); // linked nodes attract
      }
      const t = 40 * (1 - it / iterations) + 0.5;
      for (let i = 0; i < n; i++) {
        dx[i] -= nodes[i].x * 0.05; // gravity keeps separate groups near each other
        dy[i] -= nodes[i].y * 0.05;
        const d = Math.max(Math.hypot(dx[i], dy[i]), 0.01);
        nodes[i].x += (dx[i] / d) * Math.min(d, t);
        nodes[i].y += (dy[i] / d) * Math.min(d, t);
      }
    }
    fitInto(nodes, [40, 40, W - 180, H - 40]);
  }

  /** Scales and moves the points into the box [x0, y0, x1, y1]. */
  function fitInto(nodes, [x0, y0, x1, y1]) {
    const xs = nodes.map((nd) => nd.x);
    const ys = nodes.map((nd) => nd.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    for (const nd of nodes) {
      nd.x = maxX > minX ? x0 + ((nd.x - minX) / (maxX - minX)) * (x1 - x0) : (x0 + x1) / 2;
      nd.y = maxY > minY ? y0 + ((nd.y - minY) / (maxY - minY)) * (y1 - y0) : (y0 + y1) / 2;
    }
  }

  function renderNetwork(items) {
    const root = clear($('#network'));
    const [W, H] = [900, 560];
    const { nodes, edges } = alignmentGraph(items);
    if (!nodes.length) {
      root.append(svg('text', { x: W / 2, y: H / 2, class: 'empty', 'text-anchor': 'middle' }, 'No alignments in this corpus.'));
      return;
    }
    forceLayout(nodes, edges, W, H);
    const byName = new Map(nodes.map((nd) => [nd.name, nd]));
    const radius = (nd) => 5 + Math.min(12, Math.sqrt(nd.weight) * 2);
    const defs = svg('defs', {});
    for (const s of ['support', 'oppose']) {
      defs.append(svg('marker', { id: `arrow-${s}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse', class: `arrowhead ${s}` },
        svg('path', { d: 'M0,0 L10,5 L0,10 z' })));
    }
    root.append(defs);
    // parallel edges between one pair are drawn side by side
    const pairs = new Map();
    for (const e of edges) {
      const key = [e.from, e.to].sort().join('\u0000');
      pairs.set(key, (pairs.get(key) || []).concat([e]));
    }
    const edgeLayer = svg('g', { class: 'edges' });
    for (const group of pairs.values()) {
      group.forEach((e, i) => edgeLayer.append(edgeLine(e, byName, radius, (i - (group.length - 1) / 2) * 6)));
    }
    const nodeLayer = svg('g', { class: 'nodes' });
    for (const nd of nodes) {
      const r = radius(nd);
      nodeLayer.append(svg('g', { class: 'node', transform: `translate(${nd.x.toFixed(1)},${nd.y.toFixed(1)})`, tabindex: 0, data: { name: nd.name } },
        svg('title', {}, `${nd.name}${nd.cameo ? ` (${nd.cameo})` : ''}: ${nd.weight} alignment${nd.weight === 1 ? '' : 's'}`),
        svg('circle', { r: r.toFixed(1) }),
        svg('text', { x: (r + 3).toFixed(1), y: 4 }, truncate(nd.name, 30))));
    }
    root.append(edgeLayer, nodeLayer);
  }

  function edgeLine(e, byName, radius, offset) {
    const [a, b] = [byName.get(e.from), byName.get(e.to)];
    const d = Math.max(Math.hypot(b.x - a.x, b.y - a.y), 0.01);
    const [ux, uy] = [(b.x - a.x) / d, (b.y - a.y) / d];
    const [ox, oy] = [-uy * offset, ux * offset];
    const [ra, rb] = [radius(a) + 1, radius(b) + 3];
    const verb = e.stance === 'support' ? 'supports' : 'opposes';
    const times = `${e.count} time${e.count === 1 ? '' : 's'}, ${e.articles.size} article${e.articles.size === 1 ? '' : 's'}`;
    return svg('line', {
      class: `edge ${e.stance}`,
      x1: (a.x + ux * ra + ox).toFixed(1), y1: (a.y + uy * ra + oy).toFixed(1),
      x2: (b.x - ux * rb + ox).toFixed(1), y2: (b.y - uy * rb + oy).toFixed(1),
      'stroke-width': (1 + Math.log2(e.count) * 1.5).toFixed(2),
      'marker-end': `url(#arrow-${e.stance})`,
      data: { count: String(e.count) },
    }, svg('title', {}, `${e.from} ${verb} ${e.to} (${times})`));
  }

  function bindNetwork() {
    onActivate($('#network'), (ev) => {
      const g = ev.target.closest && ev.target.closest('g.node');
      if (g) filterByActor(g.dataset.name);
    });
  }

  // ---------------------------------------------------------------- timeline

  const dayMs = 86400000;
  const toDay = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / dayMs;
  const fromDay = (d) => new Date(d * dayMs).toISOString().slice(0, 10);

  /** A round step for about `ticks` axis ticks up to max. */
  function niceStep(max, ticks = 5) {
    const raw = Math.max(max / ticks, 1);
    const mag = 10 ** Math.floor(Math.log10(raw));
    const f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
  }

  function renderTimeline(events) {
    const root = clear($('#timeline'));
    const [W, H] = [900, 320];
    const m = { left: 44, right: 16, top: 40, bottom: 44 };
    const counts = new Map(); // day -> [_, q1, q2, q3, q4]
    let skipped = 0;
    for (const e of events) {
      if (!e.date || !FULL_DATE.test(e.date)) { skipped++; continue; }
      const day = toDay(e.date);
      if (!Number.isFinite(day)) { skipped++; continue; }
      if (!counts.has(day)) counts.set(day, [0, 0, 0, 0, 0]);
      counts.get(day)[quadOfRow(e)]++;
    }
    $('#timeline-note').textContent = skipped
      ? `${skipped} of ${events.length} events have no full date (YYYY-MM-DD) and are left out.` : `${events.length} events.`;
    if (!counts.size) {
      root.append(svg('text', { x: W / 2, y: H / 2, class: 'empty', 'text-anchor': 'middle' }, 'No dated events.'));
      return;
    }
    const days = Array.from(counts.keys());
    const [first, last] = [Math.min(...days), Math.max(...days)];
    const span = last - first + 1;
    const max = Math.max(...Array.from(counts.values(), (c) => c[1] + c[2] + c[3] + c[4]));
    const step = niceStep(max);
    const top = Math.ceil(max / step) * step;
    const [pw, ph] = [W - m.left - m.right, H - m.top - m.bottom];
    const sw = pw / span; // one day's slot
    const bw = Math.max(Math.min(sw * 0.8, 48), 0.5);
    const y = (v) => m.top + ph - (v / top) * ph;
    const axis = svg('g', { class: 'axis' });
    for (let v = 0; v <= top; v += step) {
      axis.append(svg('line', { x1: m.left, x2: W - m.right, y1: y(v), y2: y(v), class: v ? 'grid' : 'baseline' }),
        svg('text', { x: m.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
    }
    const every = Math.ceil(span / 10);
    for (let d = first; d <= last; d += every) {
      axis.append(svg('text', { x: m.left + (d - first + 0.5) * sw, y: H - m.bottom + 16, 'text-anchor': 'middle' }, fromDay(d).slice(5)));
    }
    axis.append(svg('text', { x: m.left, y: H - 8, class: 'axis-label' }, `${fromDay(first)} to ${fromDay(last)}`));
    root.append(axis);
    const bars = svg('g', { class: 'bars' });
    for (const [day, c] of Array.from(counts.entries()).sort((a, b) => a[0] - b[0])) {
      let base = 0;
      const date = fromDay(day);
      const total = c[1] + c[2] + c[3] + c[4];
      for (const q of [1, 2, 3, 4]) {
        if (!c[q]) continue;
        const x = m.left + (day - first) * sw + (sw - bw) / 2;
        bars.append(svg('rect', {
          class: 'bar', x: x.toFixed(2), width: bw.toFixed(2),
          y: y(base + c[q]).toFixed(2), height: (y(base) - y(base + c[q])).toFixed(2),
          data: { quad: String(q), date, count: String(c[q]) },
        }, svg('title', {}, `${date}: ${c[q]} ${QUADS[q].toLowerCase()} (of ${total})`)));
        base += c[q];
      }
    }
    root.append(bars, quadLegend(m.left, 16));
  }

  /** The four quad classes as an SVG legend. */
  function quadLegend(x, y) {
    const g = svg('g', { class: 'legend', transform: `translate(${x},${y})` });
    [1, 2, 3, 4].forEach((q, i) => {
      g.append(svg('rect', { class: 'swatch', x: i * 170, y: -9, width: 12, height: 12, data: { quad: String(q) } }),
        svg('text', { x: i * 170 + 17, y: 2 }, `${q} ${QUADS[q]}`));
    });
    return g;
  }

  // ---------------------------------------------------------------- map

  const project = (lat, lon) => [2 * (lon + 180), 2 * (90 - lat)];

  async function loadCountries() {
    try {
      return await api('/assets/countries.json');
    } catch (e) {
      showMessage($('#map-message'), `Country outlines unavailable: ${e.message}`);
      return [];
    }
  }

  function renderMap(countries, events) {
    const root = clear($('#map'));
    const byCountry = new Map();
    for (const e of events) {
      if (e.place_country) byCountry.set(e.place_country, (byCountry.get(e.place_country) || 0) + 1);
    }
    const max = Math.max(1, ...byCountry.values());
    const shade = (n) => Math.min(5, 1 + Math.floor((Math.log(n) / Math.log(max + 1)) * 5));
    root.append(svg('rect', { class: 'sea', x: 0, y: 0, width: 720, height: 360 }));
    const land = svg('g', { class: 'countries' });
    for (const c of Array.isArray(countries) ? countries : []) {
      if (!c || typeof c.path !== 'string') continue;
      const n = byCountry.get(c.iso3) || 0;
      const cls = n ? `country has-events shade-${shade(n)}` : 'country';
      land.append(svg('path', { class: cls, d: c.path, data: { iso3: String(c.iso3 || ''), count: String(n) } },
        svg('title', {}, `${c.name || c.iso3}: ${n} event${n === 1 ? '' : 's'}`)));
    }
    const points = svg('g', { class: 'points' });
    let located = 0;
    events.forEach((e, i) => {
      if (typeof e.lat !== 'number' || typeof e.lon !== 'number') return;
      located++;
      const [x, y] = project(e.lat, e.lon);
      points.append(svg('circle', {
        class: `event-point quad-${quadOfRow(e)}`, cx: x.toFixed(2), cy: y.toFixed(2), r: 2.5, tabindex: 0,
        data: { index: String(i) },
      }, svg('title', {}, `${e.place || 'unnamed place'} · ${e.code}${e.plover ? ` ${e.plover}` : ''} · ${e.date || 'no date'}`)));
    });
    root.append(land, points);
    $('#map-note').textContent = `${located} of ${events.length} events have coordinates; countries are shaded by events placed in them.`;
    renderMapLegend(max);
    zoomMap(state.mapZoomed);
  }

  function renderMapLegend(max) {
    const ul = clear($('#map-legend'));
    for (let s = 1; s <= 5; s++) ul.append(el('li', {}, el('span', { class: `swatch shade-${s}` }), s === 1 ? 'fewer' : s === 5 ? `more (max ${max})` : ''));
    for (const q of [1, 2, 3, 4]) ul.append(el('li', {}, el('span', { class: `dot quad-${q}` }), QUADS[q]));
  }

  /** Zooms the map to the located events (or back to the world), keeping points a constant size. */
  function zoomMap(zoomed) {
    state.mapZoomed = zoomed;
    const root = $('#map');
    const pts = $$('circle.event-point', root);
    let box = [0, 0, 720, 360];
    if (zoomed && pts.length) {
      const xs = pts.map((p) => +p.getAttribute('cx'));
      const ys = pts.map((p) => +p.getAttribute('cy'));
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const w = Math.max(x1 - x0, 20) * 1.4;
      const h = Math.max(w / 2, (y1 - y0) * 1.4);
      box = [(x0 + x1) / 2 - h, (y0 + y1) / 2 - h / 2, 2 * h, h];
    }
    root.setAttribute('viewBox', zoomed ? box.map((v) => v.toFixed(2)).join(' ') : '0 0 720 360');
    const scale = 720 / box[2];
    for (const p of pts) p.setAttribute('r', (2.5 / Math.sqrt(scale)).toFixed(2));
    root.classList.toggle('zoomed', zoomed);
    $('#map-zoom').textContent = zoomed ? 'Whole world' : 'Zoom to events';
  }

  function bindMap() {
    $('#map-zoom').addEventListener('click', () => zoomMap(!state.mapZoomed));
    onActivate($('#map'), (ev) => {
      const c = ev.target.closest && ev.target.closest('circle.event-point');
      if (c) openEvidence(state.allEvents[+c.dataset.index]);
    });
  }

  // ---------------------------------------------------------------- paste

  async function analyse() {
    const msg = $('#paste-message');
    const text = $('#paste-text').value;
    if (!text.trim()) return showMessage(msg, 'Paste the text of an article first.');
    const button = $('#paste-go');
    button.disabled = true;
    showMessage(msg, 'Analysing…', 'info');
    const t = ticket('reader');
    try {
      const record = await api(`/v1/extract${query({ published: $('#paste-date').value })}`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        body: text,
      });
      if (stale('reader', t)) return;
      state.fromPaste = true;
      placeReader();
      renderRecord(record);
      markSelectedArticle(null);
      renderPasteEvents(record);
      const n = (record.events || []).length;
      showMessage(msg, `${n} event${n === 1 ? '' : 's'}, ${(record.actors || []).length} actors, ${(record.quotes || []).length} quotes.`, 'info');
    } catch (e) {
      showMessage(msg, e.message);
    } finally {
      button.disabled = false;
    }
  }

  function renderPasteEvents(r) {
    const table = $('#paste-events');
    const body = clear($('tbody', table));
    (r.events || []).forEach((e, i) => {
      const place = e.location ? e.location.name : null;
      body.append(el('tr', { class: `paste-row quad-${quadOf(e.cameo)}`, tabindex: 0, data: { event: String(i), quad: String(quadOf(e.cameo)) } },
        el('td', {}, el('span', { class: 'code' }, e.cameo)), el('td', {}, dash(e.plover)),
        el('td', {}, actorName(e.source)), el('td', {}, actorName(e.target)),
        el('td', {}, el('b', {}, e.trigger ? e.trigger.text : '')), el('td', {}, dash(place)), el('td', {}, dash(e.date))));
    });
    table.hidden = !(r.events || []).length;
  }

  function bindPaste() {
    $('#paste-form').addEventListener('submit', (ev) => { ev.preventDefault(); analyse(); });
    onActivate($('#paste-events'), (ev) => {
      const tr = ev.target.closest('tr[data-event]');
      if (!tr || !state.fromPaste) return;
      const i = +tr.dataset.event;
      const t = state.record.events[i].trigger;
      focusRange(t.start, t.end);
      showDetail({ mentions: [], quotes: [], events: [i] });
    });
  }

  // ---------------------------------------------------------------- start

  function bindArticles() {
    let timer = 0;
    const search = () => { clearTimeout(timer); loadArticles(); };
    $('#article-search-form').addEventListener('submit', (ev) => { ev.preventDefault(); search(); });
    $('#article-search').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 350); });
    $('#article-unique').addEventListener('change', search);
    $('#article-more').addEventListener('click', () => loadArticles(true));
    onActivate($('#article-list'), (ev) => {
      const li = ev.target.closest('li.article-item');
      if (li) openArticle(li.dataset.id);
    });
  }

  async function init() {
    for (const b of $$('nav [data-tab]')) b.addEventListener('click', () => showTab(b.dataset.tab));
    [bindArticles, bindReader, bindEvents, bindNetwork, bindMap, bindPaste].forEach((bind) => bind());
    window.addEventListener('scroll', hideTooltip, { passive: true });

    const events = loadEvents(true).then(() => renderTimeline(state.allEvents));
    const countries = loadCountries();
    const map = Promise.all([countries, events]).then(([c]) => renderMap(c, state.allEvents));
    const loads = [loadStats(), loadArticles(), events, loadAlignments(), countries, map];
    await Promise.allSettled(loads);
    document.body.dataset.ready = '1';
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();

  return { state, showTab, openArticle, codePointMap, forceLayout };
})();
