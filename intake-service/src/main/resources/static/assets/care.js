// The care managers' inbox: search, filters, orders, keyset pages, the speed-to-lead clock and live
// updates. Words for codes come from the server (/api/care/labels); a code is never printed as it is.
// The lead detail (care-lead.js) uses the helpers published here as window.leadflowCare.
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const rows = $('leads');
  const care = window.leadflowCare = { labels: {}, outcomes: {} };
  let next = null;
  let loaded = 0;
  let pending = false;

  function sentence(code) {
    const words = String(code).replace(/_/g, ' ').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  /** The words for a code of one kind (Condition, LeadStatus, ...); never the code itself. */
  care.word = (kind, code) => {
    if (code === null || code === undefined || code === '') { return ''; }
    const words = care.labels[kind];
    return (words && words[code]) || sentence(code);
  };
  care.el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  };
  care.when = iso => iso ? new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : '';
  /** Short, for a list: the year only when it is not this one. */
  care.shortWhen = iso => {
    const date = new Date(iso);
    const options = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
    if (date.getFullYear() !== new Date().getFullYear()) { options.year = 'numeric'; }
    return date.toLocaleString([], options);
  };
  care.phone = e164 => {
    const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164 || '');
    return us ? '(' + us[1] + ') ' + us[2] + '-' + us[3] : (e164 || '');
  };
  function span(ms) {
    const minutes = Math.max(0, Math.round(ms / 60000));
    if (minutes < 1) { return '<1 min'; }
    if (minutes < 60) { return minutes + ' min'; }
    const hours = Math.floor(minutes / 60);
    if (hours < 48) { return hours + ' h' + (minutes % 60 ? ' ' + (minutes % 60) + ' min' : ''); }
    return Math.floor(hours / 24) + ' days';
  }
  /** "4 min left", "Overdue by 12 min" or "Reached", with the attempts so far. */
  care.clock = speed => {
    const tries = speed.attempts ? ' · ' + speed.attempts + (speed.attempts === 1 ? ' attempt' : ' attempts') : '';
    if (speed.state === 'REACHED') { return 'Reached ' + care.when(speed.reachedAt) + tries; }
    const left = new Date(speed.dueAt) - Date.now();
    return (left > 0 ? span(left) + ' left' : 'Overdue by ' + span(-left)) + tries;
  };
  care.overdue = speed => speed.state !== 'REACHED' && new Date(speed.dueAt) <= Date.now();
  /** A problem answer in plain words: each field's message, or the detail. */
  care.problem = async (response, otherwise) => {
    try {
      const body = await response.json();
      if (body.errors && body.errors.length) { return body.errors.map(e => e.message).join(' '); }
      return body.detail || otherwise;
    } catch (e) { return otherwise; }
  };

  function query(size) {
    const params = new URLSearchParams();
    const q = $('q').value.trim();
    if (q) { params.set('q', q); }
    ['owner', 'service', 'stage', 'status', 'from', 'to', 'sort'].forEach(id => { if ($(id).value) { params.set(id, $(id).value); } });
    if ($('overdue').checked) { params.set('overdue', 'true'); }
    if ($('duplicate').checked) { params.set('duplicate', 'true'); }
    if (size) { params.set('size', String(size)); }
    return params;
  }

  // only the latest request draws: a slower, older answer (the first load, say) never replaces a search
  let generation = 0;
  async function load(more) {
    const mine = ++generation;
    const params = query(more ? 0 : Math.min(200, Math.max(50, loaded)));
    if (more && next) { params.set('after', next); }
    const response = await leadflow.fetch('/api/care/leads?' + params);
    if (mine !== generation) { return; }
    if (!response.ok) {
      $('live').textContent = await care.problem(response, 'The leads cannot be shown just now.');
      return;
    }
    const page = await response.json();
    if (mine !== generation) { return; }
    if (!more) { rows.replaceChildren(); loaded = 0; }
    page.leads.forEach(lead => rows.appendChild(row(lead)));
    loaded += page.leads.length;
    next = page.next;
    $('more').hidden = !next;
    $('empty').hidden = loaded > 0;
    showOrder();
  }
  care.reload = () => load(false);

  function cell(tr, label, content, title) {
    const td = care.el('td');
    td.dataset.label = label;
    if (typeof content === 'string') { td.textContent = content; } else { td.appendChild(content); }
    if (title) { td.title = title; }
    tr.appendChild(td);
    return td;
  }

  function row(lead) {
    const tr = care.el('tr');
    tr.dataset.lead = lead.id;
    const name = care.el('a', 'lead-link', lead.name);
    name.href = '#lead=' + lead.id;
    name.title = lead.name;
    cell(tr, 'Name', name);
    const clock = cell(tr, 'Speed to lead', care.clock(lead.speedToLead));
    clock.dataset.speed = JSON.stringify(lead.speedToLead);
    clock.classList.toggle('overdue', care.overdue(lead.speedToLead));
    const contact = lead.preferredChannel === 'EMAIL' ? lead.email : care.phone(lead.phone || '') || lead.email;
    const reach = [care.word('ContactChannel', lead.preferredChannel), contact, care.word('ContactTime', lead.preferredTime)]
      .filter(Boolean).join(' · ');
    cell(tr, 'Reach by', reach, reach);
    const asked = lead.requestedServices.map(s => care.word('ServiceType', s)).join(', ') +
      (lead.possibleDuplicateOf ? ' · possible duplicate' : '');
    cell(tr, 'Asked for', asked, asked);
    const stages = lead.stages.filter(s => s.stage !== 'INTAKE')
      .map(s => care.word('Stage', s.stage) + ': ' + care.word('LeadStatus', s.status)).join(' · ') || 'Submitted';
    cell(tr, 'Stages', stages, stages);
    cell(tr, 'Owner', lead.owner || 'None', lead.owner || 'Nobody works this lead yet');
    cell(tr, 'Submitted', care.shortWhen(lead.submittedAt), care.when(lead.submittedAt));
    return tr;
  }

  function showOrder() {
    const sort = $('sort').value;
    document.querySelectorAll('th[data-sort]').forEach(th => {
      const key = th.dataset.sort;
      const on = sort === key || (key === 'name' && sort === 'name-desc') || (key === 'newest' && sort === 'oldest');
      th.setAttribute('aria-sort', !on ? 'none' : (sort === 'name' || sort === 'oldest' || sort === 'attention') ? 'ascending' : 'descending');
    });
    $('inbox-caption').textContent = 'Leads, ' + $('sort').selectedOptions[0].textContent.toLowerCase();
  }

  document.querySelectorAll('th[data-sort] button').forEach(button => button.addEventListener('click', () => {
    const key = button.parentElement.dataset.sort;
    const sort = $('sort').value;
    $('sort').value = key === 'name' ? (sort === 'name' ? 'name-desc' : 'name')
      : key === 'newest' ? (sort === 'newest' ? 'oldest' : 'newest') : 'attention';
    load(false);
  }));

  function fill(select, kind, skip) {
    Object.entries(care.labels[kind] || {}).forEach(([code, words]) => {
      if (!skip.includes(code)) { const option = care.el('option', null, words); option.value = code; select.appendChild(option); }
    });
  }

  // a live change reloads the list, but never under the person's hands: not while focus is in it
  function changed() {
    if (rows.contains(document.activeElement)) { pending = true; return; }
    $('live').textContent = 'Updated ' + new Date().toLocaleTimeString();
    load(false);
  }
  rows.addEventListener('focusout', event => {
    if (pending && !rows.contains(event.relatedTarget)) { pending = false; changed(); }
  });

  // live changes: connected first, so nothing that happens while the page loads is missed; after a
  // reconnect the list and the open lead are read again, for what happened while it was away
  let ready = false;
  let timer = null;
  let connectedBefore = false;
  function listen() {
    const changes = new EventSource('/api/leads/changes');
    changes.addEventListener('open', () => {
      document.body.dataset.live = 'on';
      if (connectedBefore && ready) { changed(); document.dispatchEvent(new CustomEvent('leadflow-lead-changed', { detail: {} })); }
      connectedBefore = true;
    });
    changes.addEventListener('error', () => { document.body.dataset.live = 'off'; });
    changes.addEventListener('lead-changed', event => {
      if (!ready) { return; }
      const change = JSON.parse(event.data);
      document.dispatchEvent(new CustomEvent('leadflow-lead-changed', { detail: change }));
      clearTimeout(timer);
      timer = setTimeout(changed, 500);
    });
  }

  async function start() {
    listen();
    const response = await leadflow.fetch('/api/care/labels');
    const known = await response.json();
    care.labels = known.labels;
    care.outcomes = known.outcomes;
    fill($('service'), 'ServiceType', ['UNKNOWN']);
    fill($('stage'), 'Stage', ['UNKNOWN']);
    fill($('status'), 'LeadStatus', ['UNKNOWN']);
    ready = true;
    document.dispatchEvent(new Event('leadflow-care-ready'));
    await load(false);
  }

  $('search').addEventListener('submit', event => { event.preventDefault(); load(false); });
  $('filters').addEventListener('change', () => load(false));
  $('filters').addEventListener('submit', event => { event.preventDefault(); load(false); });
  $('more').addEventListener('click', () => load(true));
  setInterval(() => rows.querySelectorAll('td[data-speed]').forEach(td => {
    const speed = JSON.parse(td.dataset.speed);
    td.textContent = care.clock(speed);
    td.classList.toggle('overdue', care.overdue(speed));
  }), 15000);
  // on a phone the filters fold away, so the leads come first
  if (window.matchMedia('(max-width: 48rem)').matches) { $('filter-box').open = false; }
  leadflow.showSession($('session')).then(session => { care.me = session.user; });
  start();
})();
