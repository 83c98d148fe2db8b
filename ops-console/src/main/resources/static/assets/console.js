'use strict';
// The ops console page: reads the console's API and draws it. Every value goes in as text
// (textContent), never as markup.
(function () {
  const HEALTH = { UP: ['Healthy', 'ok'], DOWN: ['Down', 'bad'], OUT_OF_SERVICE: ['Out of service', 'bad'],
    unreachable: ['Not answering', 'bad'], UNKNOWN: ['Unknown', 'muted'] };
  const GROUP_STATE = { STABLE: 'Stable', EMPTY: 'No members', PREPARING_REBALANCE: 'Rebalancing',
    COMPLETING_REBALANCE: 'Rebalancing', RECONCILING: 'Rebalancing', ASSIGNING: 'Rebalancing', DEAD: 'Gone',
    NOT_READY: 'Starting', UNKNOWN: 'Unknown' };
  const LETTER_STATUS = { WAITING: ['Waiting', 'warn'], REPLAYED: ['Replayed', 'ok'], PARKED: ['Parked', 'bad'] };
  const ALERT_STATE = { ok: ['OK', 'ok'], pending: ['Pending', 'warn'], firing: ['Firing', 'bad'] };
  let settings = { careManagerUrl: '', sampleIntervalSeconds: 15 };
  let plan = null;

  const $ = (id) => document.getElementById(id);

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach((cell) => {
      if (cell instanceof Node) {
        const td = cell.tagName === 'TD' ? cell : el('td');
        if (td !== cell) td.appendChild(cell);
        tr.appendChild(td);
      } else {
        tr.appendChild(el('td', cell === null || cell === undefined ? '–' : cell));
      }
    });
    return tr;
  }

  function td(content, className) {
    const cell = el('td', null, className);
    if (content instanceof Node) cell.appendChild(content); else cell.textContent = content === null || content === undefined ? '–' : String(content);
    return cell;
  }

  function badge(label, kind) { return el('span', label, 'badge ' + kind); }

  // each cell carries its column's name, which the phone layout shows as a label
  function fill(tableId, rows) {
    const table = $(tableId);
    const labels = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent);
    rows.forEach((tr) => Array.from(tr.children).forEach((cell, i) => { cell.dataset.label = labels[i] || ''; }));
    table.querySelector('tbody').replaceChildren(...rows);
  }

  function age(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    const s = Math.round(seconds);
    if (s < 60) return s + ' s';
    const two = (big, bigUnit, small, smallUnit) => big + ' ' + bigUnit + (small ? ' ' + small + ' ' + smallUnit : '');
    if (s < 3600) return two(Math.floor(s / 60), 'min', s % 60, 's');
    if (s < 86400) return two(Math.floor(s / 3600), 'h', Math.floor((s % 3600) / 60), 'min');
    return two(Math.floor(s / 86400), 'd', Math.floor((s % 86400) / 3600), 'h');
  }

  function since(iso) { return iso ? age((Date.now() - Date.parse(iso)) / 1000) : '–'; }

  // today's times as 07:37:51, older ones with their day
  function when(iso) {
    if (!iso) return '–';
    const d = new Date(iso);
    const time = { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false };
    return d.toDateString() === new Date().toDateString()
      ? d.toLocaleTimeString(undefined, time)
      : d.toLocaleString(undefined, Object.assign({ month: 'short', day: 'numeric' }, time));
  }

  function retention(ms) {
    if (ms === null || ms === undefined) return '–';
    if (ms < 0) return 'forever';
    const hours = ms / 3600000;
    return hours >= 48 ? Math.round(hours / 24) + ' days' : Math.round(hours) + ' hours';
  }

  function rate(value) { return value < 10 ? value.toFixed(2) : value.toFixed(0); }

  // "com.leadflow.events.LeadSubmitted" -> "Lead submitted"
  function eventName(type) {
    if (!type) return 'Unknown event';
    const simple = type.substring(type.lastIndexOf('.') + 1).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return simple.charAt(0).toUpperCase() + simple.slice(1);
  }

  function leadLink(leadId) {
    if (!leadId) return el('span', 'no key');
    const link = el('a', leadId, 'mono');
    link.href = settings.careManagerUrl + '#lead=' + encodeURIComponent(leadId);
    link.title = "Open in the care manager view (care managers only)";
    return link;
  }

  function sparkline(points) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'spark');
    svg.setAttribute('viewBox', '0 0 140 28');
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('role', 'img');
    if (points.length < 2) {
      svg.setAttribute('aria-label', 'not enough samples yet');
      return svg;
    }
    const max = Math.max(1e-9, ...points.map((p) => Math.max(p.in, p.out)));
    const line = (key, cls) => {
      const poly = document.createElementNS(ns, 'polyline');
      poly.setAttribute('class', cls);
      poly.setAttribute('points', points.map((p, i) =>
        (i * 140 / (points.length - 1)).toFixed(1) + ',' + (26 - (p[key] / max) * 24).toFixed(1)).join(' '));
      svg.appendChild(poly);
    };
    line('in', 'in');
    line('out', 'out');
    svg.setAttribute('aria-label', 'peak ' + rate(max) + ' records per second');
    return svg;
  }

  async function api(path, options) {
    // leadflow.fetch (staff.js) adds the CSRF token to changes and sends a lapsed session to sign in again
    const response = await leadflow.fetch(path, options);
    const body = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error((body && (body.detail || body.title)) || ('The console answered ' + response.status));
      error.problem = body;
      throw error;
    }
    return body;
  }

  function problemText(error) {
    const errors = error.problem && error.problem.errors;
    if (errors && errors.length) return errors.map((e) => e.message).join(' ');
    return error.message;
  }

  function renderOverview(data) {
    const state = data.state;
    settings = data.settings;
    $('history-minutes').textContent = settings.historyMinutes;
    $('stall-after').textContent = age(settings.stallAfterSeconds);
    $('replay-cap').textContent = settings.replayCap;
    $('sampled').textContent = state.sampledAt
      ? 'Sampled ' + when(state.sampledAt) + ', every ' + settings.sampleIntervalSeconds + ' s'
      : 'Waiting for the first sample…';
    $('problem').hidden = !state.problem || !state.sampledAt;
    $('problem').textContent = state.problem || '';

    $('alerts').replaceChildren(...state.alerts.map((alert) => {
      const [label, kind] = ALERT_STATE[alert.state] || [alert.state, 'muted'];
      const item = el('li', null, alert.state);
      item.dataset.alert = alert.name;
      item.appendChild(badge(label, kind));
      item.appendChild(document.createTextNode(' ' + alert.title));
      item.appendChild(el('span', 'Fires when: ' + alert.threshold, 'threshold'));
      if (alert.subjects.length) item.appendChild(el('span', alert.subjects.join('; '), 'subjects'));
      return item;
    }));

    fill('stack', state.components.map((c) => {
      const [label, kind] = HEALTH[c.health] || [c.health, 'muted'];
      const name = el('span', c.name);
      const tr = row([name, badge(label, kind), c.version,
        c.outbox ? td(c.outbox.pending, 'num') : td('–', 'num'),
        c.outbox ? td(age(c.outbox.oldestAgeSeconds), 'num') : td('–', 'num'),
        td(c.note, 'wrap')]);
      tr.dataset.component = c.name;
      return tr;
    }));

    fill('topics', state.flow.topics.map((t) => {
      const tr = row([el('span', t.name, 'mono'), td(t.partitions, 'num'), td(t.records, 'num'),
        td(rate(t.inPerSecond), 'num'), td(rate(t.outPerSecond), 'num'), sparkline(t.history), retention(t.retentionMs)]);
      tr.dataset.topic = t.name;
      return tr;
    }));

    fill('groups', state.flow.groups.map((g) => {
      let status;
      if (g.stalled) status = badge('Stuck since ' + when(g.unchangedSince), 'bad');
      else if (g.lagRecords > 0) status = badge('Catching up', 'warn');
      else status = badge('Up to date', 'ok');
      const members = g.members.length
        ? g.members.map((m) => m.clientId + ' (' + (m.partitions.length === 1 ? 'partition ' : 'partitions ') + m.partitions.join(', ') + ')').join('; ')
        : 'none';
      const state = el('span', GROUP_STATE[g.state] || g.state);
      const statusCell = td(status);
      statusCell.appendChild(document.createTextNode(' '));
      statusCell.appendChild(state);
      const tr = row([el('span', g.topic, 'mono'), el('span', g.group, 'mono'), td(members, 'wrap'),
        td(g.lagRecords, 'num'), td(age(g.lagSeconds), 'num'), statusCell]);
      tr.dataset.group = g.group;
      tr.dataset.topic = g.topic;
      return tr;
    }));
  }

  function renderDeadLetters(data) {
    const groups = data.summary.groups;
    $('dead-letters-empty').hidden = groups.length > 0;
    fill('dead-letter-groups', groups.map((g) => {
      const button = el('button', 'Dry run', 'secondary');
      button.title = 'See what a replay of this group would send';
      button.type = 'button';
      button.disabled = g.waiting === 0;
      button.addEventListener('click', () => dryRun({ originalTopic: g.originalTopic, group: g.group, reason: g.reason }));
      const tr = row([el('span', g.originalTopic, 'mono'), el('span', g.group, 'mono'), td(g.reason, 'wrap'),
        td(g.waiting, 'num'), td(g.replayed, 'num'), td(g.parked, 'num'), when(g.firstSeen), when(g.lastSeen),
        td(g.oldestWaitingAt ? since(g.oldestWaitingAt) : '–', 'num'), button]);
      tr.dataset.originalTopic = g.originalTopic;
      return tr;
    }));
    fill('dead-letters', data.deadLetters.map((view) => {
      const d = view.deadLetter;
      const [label, kind] = LETTER_STATUS[view.status] || [view.status, 'muted'];
      const button = el('button', 'Dry run', 'secondary');
      button.type = 'button';
      button.disabled = view.status === 'PARKED';
      button.addEventListener('click', () => dryRun({ deadLetters: [{ topic: d.topic, partition: d.partition, offset: d.offset }] }));
      const where = el('span', d.topic + ' · partition ' + d.partition + ' · offset ' + d.offset, 'mono');
      where.title = 'From ' + d.originalTopic + ', group ' + d.group + (d.correlationId ? ', correlation ' + d.correlationId : '');
      const tr = row([when(d.at), leadLink(d.leadId), eventName(d.eventType), td(where, 'wrap'),
        d.schemaId === null ? 'not Avro' : 'id ' + d.schemaId, td(d.reason, 'wrap'), badge(label, kind), button]);
      tr.dataset.offset = d.offset;
      return tr;
    }));
  }

  async function dryRun(selection) {
    const section = $('replay');
    section.hidden = false;
    $('replay-result').textContent = '';
    $('replay-errors').hidden = true;
    $('replay-summary').textContent = 'Working out what would be sent…';
    try {
      plan = await api('/api/replays/dry-run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(selection) });
      $('replay-summary').textContent = 'Nothing has been sent. '
        + (plan.toReplay === 1 ? '1 dead letter would go back to its topic' : plan.toReplay + ' dead letters would go back to their topics')
        + (plan.toPark ? ', ' + plan.toPark + ' would be parked' : '') + ' (' + plan.selection + ').';
      fill('replay-plan', plan.items.map((item) => row([
        el('span', item.deadLetter.topic + ' @ ' + item.deadLetter.offset, 'mono'), leadLink(item.leadId),
        el('span', item.originalTopic, 'mono'), td(item.replayCount, 'num'),
        item.action === 'PARK' ? badge('Parked', 'bad') : badge('Replayed', 'ok'), td(item.note, 'wrap')])));
      $('replay-send').disabled = plan.toReplay === 0 && plan.toPark === 0;
      $('replay-send').textContent = 'Replay ' + plan.toReplay;
      section.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (error) {
      plan = null;
      $('replay-summary').textContent = problemText(error);
      fill('replay-plan', []);
      $('replay-send').disabled = true;
    }
  }

  async function replay(event) {
    event.preventDefault();
    if (!plan) return;
    $('replay-send').disabled = true;
    try {
      const outcome = await api('/api/replays', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ planId: plan.planId, reason: $('replay-reason').value }) });
      plan = null;
      $('replay-errors').hidden = true;
      $('replay-result').textContent = 'Done: ' + outcome.replayed + ' replayed, ' + outcome.parked + ' parked, '
        + outcome.failed + ' failed.';
      $('replay-reason').value = '';
      refreshDeadLetters();
      refreshAudit();
    } catch (error) {
      $('replay-errors').hidden = false;
      $('replay-errors').textContent = problemText(error);
      $('replay-send').disabled = false;
    }
  }

  async function trace(event) {
    event.preventDefault();
    const leadId = $('trace-lead').value.trim();
    const hours = Number($('trace-window').value);
    const to = new Date();
    const from = new Date(to.getTime() - hours * 3600000);
    $('trace-message').textContent = 'Looking…';
    try {
      const query = new URLSearchParams({ leadId, from: from.toISOString(), to: to.toISOString() });
      const result = await api('/api/trace?' + query);
      $('trace').hidden = result.steps.length === 0;
      $('trace-message').textContent = result.steps.length
        ? result.steps.length + ' records of this lead between ' + when(result.from) + ' and ' + when(result.to) + '.'
        : 'No record of this lead between ' + when(result.from) + ' and ' + when(result.to) + '.';
      if (result.truncatedPartitions.length) {
        $('trace-message').textContent += ' The scan stopped early on ' + result.truncatedPartitions.join(', ') + ': narrow the window.';
      }
      fill('trace', result.steps.map((step) => {
        const readBy = Object.entries(step.groups).map(([group, past]) => group + (past ? ': read' : ': not yet'));
        const topic = el('span', step.topic + ' · ' + step.partition + ' @ ' + step.offset, 'mono');
        const event = step.deadLetterReason
          ? eventName(step.eventType) + ' — dead letter of ' + (step.deadLetterGroup || 'a group') + ': ' + step.deadLetterReason
          : eventName(step.eventType);
        const tr = row([when(step.at), td(topic, 'wrap'), td(event, 'wrap'), step.reporter,
          el('span', step.correlationId, 'mono'), el('span', step.traceId || 'none', 'mono'), td(readBy.length ? readBy.join('; ') : 'no group reads it', 'wrap')]);
        tr.dataset.topic = step.topic;
        return tr;
      }));
    } catch (error) {
      $('trace').hidden = true;
      $('trace-message').textContent = problemText(error);
    }
  }

  async function refreshOverview() {
    try { renderOverview(await api('/api/overview')); } catch (error) { $('sampled').textContent = error.message; }
  }

  async function refreshDeadLetters() {
    try { renderDeadLetters(await api('/api/dead-letters?limit=100')); } catch (error) { /* shown on the next refresh */ }
  }

  async function refreshAudit() {
    try {
      const replays = await api('/api/replays');
      $('audit-empty').hidden = replays.length > 0;
      fill('audit', replays.map((r) => row([when(r.requested_at), r.actor, td(r.reason, 'wrap'), td(r.selection, 'wrap'),
        td(r.replayed, 'num'), td(r.parked, 'num'), td(r.failed, 'num')])));
    } catch (error) { /* shown on the next refresh */ }
  }

  async function refresh() {
    await Promise.all([refreshOverview(), refreshDeadLetters(), refreshAudit()]);
    setTimeout(refresh, Math.max(5, settings.sampleIntervalSeconds || 15) * 1000);
  }

  $('replay-form').addEventListener('submit', replay);
  $('replay-cancel').addEventListener('click', () => { plan = null; $('replay').hidden = true; });
  $('trace-form').addEventListener('submit', trace);
  leadflow.showSession($('session')).catch(() => { /* a lapsed session is sent to sign in */ });
  refresh();
})();
