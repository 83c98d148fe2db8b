// The clinician page: reads and changes reviews through /api/reviews with the signed-in session.
(function () {
  'use strict';

  const api = '/api/reviews';
  let current = null;

  const $ = (id) => document.getElementById(id);

  function say(text) { $('message').textContent = text || ''; }

  async function call(method, path, body) {
    // leadflow.fetch adds the CSRF token to changes and sends a lapsed session to sign in again
    const response = await leadflow.fetch(api + path, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    return { status: response.status, ok: response.ok, json };
  }

  function timeLeft(seconds) {
    if (seconds === null || seconds === undefined) { return '—'; }
    const minutes = Math.round(Math.abs(seconds) / 60);
    const words = minutes >= 2880 ? Math.round(minutes / 1440) + ' days'
      : minutes >= 120 ? Math.round(minutes / 60) + ' h' : minutes + ' min';
    return seconds < 0 ? 'overdue by ' + words : words + ' left';
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function words(code) { return code ? code.replaceAll('_', ' ').toLowerCase() : ''; }

  function due(item) {
    if (!item.dueAt) { return 'waiting for imaging'; }
    return timeLeft(item.secondsLeft) + ' (' + new Date(item.dueAt).toLocaleString(undefined,
      { weekday: 'short', hour: '2-digit', minute: '2-digit' }) + ')';
  }

  function filterNow() {
    const checked = document.querySelector('input[name=filter]:checked');
    return checked ? checked.value : 'all';
  }

  async function loadQueue() {
    const filter = filterNow();
    const result = await call('GET', filter === 'waiting' ? '?waiting=imaging' : '');
    const body = $('queue').querySelector('tbody');
    body.replaceChildren();
    const items = result.json.filter((item) => filter === 'mine' ? item.claimedBy === window.leadflowUser
      : filter === 'urgent' ? item.priority === 'URGENT'
        : filter === 'imaging' ? item.hasImaging : true);
    $('queue-empty').hidden = items.length > 0;
    for (const item of items) {
      const row = document.createElement('tr');
      row.dataset.reviewId = item.reviewId;
      row.className = [item.priority === 'URGENT' ? 'urgent' : '', item.overdue ? 'overdue' : ''].join(' ');
      cell(row, item.priority === 'URGENT' ? 'Urgent' : 'Routine');
      cell(row, item.ageBand + ' · ' + words(item.condition));
      cell(row, item.worst || 'nothing ticked');
      cell(row, item.imaging + (item.staleImaging ? ' (older than 12 months)' : ''), item.staleImaging ? 'stale' : '');
      cell(row, due(item), 'time-left');
      cell(row, item.status === 'IN_PROGRESS' ? item.claimedBy : 'nobody');
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'secondary open';
      open.textContent = 'Open';
      open.setAttribute('aria-label', 'Open review: ' + item.ageBand + ', ' + words(item.condition));
      open.addEventListener('click', () => openReview(item.reviewId));
      cell(row, '').appendChild(open);
      body.appendChild(row);
    }
  }

  /** The open review as others change it: a claim, a release or a completion shows without a reload. */
  async function refreshOpenReview() {
    if (!current || $('task').hidden) { return; }
    const result = await call('GET', '/' + encodeURIComponent(current.reviewId));
    if (!result.ok || !current || result.json.reviewId !== current.reviewId) { return; }
    const before = [current.status, current.claimedBy, current.outcome && current.outcome.completedAt].join('|');
    const after = [result.json.status, result.json.claimedBy, result.json.outcome && result.json.outcome.completedAt].join('|');
    if (before !== after) {
      current = result.json;
      showHeader(result.json);
      say(result.json.status === 'IN_PROGRESS' && result.json.claimedBy !== window.leadflowUser
        ? 'This review was just claimed by ' + result.json.claimedBy + '.'
        : result.json.status === 'COMPLETED' ? 'This review was just completed.' : 'This review is back in the queue.');
    }
  }

  async function openReview(reviewId) {
    const result = await call('GET', '/' + encodeURIComponent(reviewId));
    if (!result.ok) { say(problemText(result)); return; }
    show(result.json);
  }

  function show(task) {
    showHeader(task);
    showDetails(task);
  }

  function showHeader(task) {
    current = task;
    $('task').hidden = false;
    $('task-id').textContent = task.reviewId;
    const mine = task.status === 'IN_PROGRESS' && task.claimedBy === window.leadflowUser;
    $('claim').hidden = task.status !== 'QUEUED';
    $('renew').hidden = !mine;
    $('release').hidden = !mine;
    $('outcome-form').hidden = !mine;
    $('task-lease').textContent = task.status === 'IN_PROGRESS'
      ? 'Claimed by ' + task.claimedBy + ' until ' + new Date(task.leaseExpiresAt).toLocaleTimeString()
      : 'Status: ' + task.status.replaceAll('_', ' ').toLowerCase();
  }

  function showDetails(task) {
    const details = $('task-details');
    details.replaceChildren();
    const facts = [
      ['Priority', words(task.priority)], ['Time left', timeLeft(task.secondsLeft)], ['Age', task.age],
      ['Condition', words(task.condition)], ['Symptoms', task.symptoms.map(words).join(', ') || '—'],
      ['Red flags', task.redFlags.map(words).join(', ') || 'none'], ['Pain (0–10)', task.painLevel ?? '—'],
      ['Pain duration', words(task.painDuration)], ['Treatments tried', task.treatmentsTried.map(words).join(', ') || '—'],
      ['Procedure of interest', words(task.procedureOfInterest) || '—']
    ];
    if (task.outcome) {
      const o = task.outcome;
      facts.push([task.status === 'COMPLETED' ? 'Outcome' : 'Earlier outcome',
        [o.outcome, o.recommendedProcedure, o.nextStep, o.informationNeeded].filter(Boolean).map(words).join(' – ')
          + ' (' + o.completedBy + ')']);
      if (o.notes) { facts.push(['Notes', o.notes]); }
    }
    for (const [name, value] of facts) {
      const dt = document.createElement('dt');
      dt.textContent = name;
      const dd = document.createElement('dd');
      dd.textContent = String(value);
      details.append(dt, dd);
    }
    window.clinicianImaging.show(task);
    $('form-errors').replaceChildren();
  }

  function problemText(result) {
    return result.json && (result.json.detail || result.json.title) || ('Request failed (' + result.status + ')');
  }

  async function act(path, done) {
    if (!current) { return; }
    const result = await call('POST', '/' + encodeURIComponent(current.reviewId) + path);
    if (!result.ok) { say(problemText(result)); return; }
    say(done);
    showHeader(result.json);
    await loadQueue();
  }

  async function takeNext() {
    const result = await call('POST', '/next');
    if (result.status === 204) { say('No reviews are waiting.'); return; }
    if (!result.ok) { say(problemText(result)); return; }
    say('You have the next review.');
    show(result.json);
    await loadQueue();
  }

  function showOutcomeFields() {
    const outcome = $('outcome').value;
    for (const label of document.querySelectorAll('label[data-for]')) {
      label.hidden = label.dataset.for !== outcome;
    }
  }

  async function complete(event) {
    event.preventDefault();
    const outcome = $('outcome').value;
    const form = { outcome: outcome || null, notes: $('notes').value || null };
    if (outcome === 'CANDIDATE') { form.recommendedProcedure = $('recommendedProcedure').value || null; }
    if (outcome === 'NOT_A_CANDIDATE') { form.nextStep = $('nextStep').value || null; }
    if (outcome === 'NEEDS_MORE_INFORMATION') { form.informationNeeded = $('informationNeeded').value || null; }
    const result = await call('POST', '/' + encodeURIComponent(current.reviewId) + '/complete', form);
    const errors = $('form-errors');
    errors.replaceChildren();
    if (!result.ok) {
      for (const error of (result.json && result.json.errors) || []) {
        const li = document.createElement('li');
        li.textContent = error.message;
        errors.appendChild(li);
      }
      say(problemText(result));
      return;
    }
    say('Review completed.');
    $('outcome-form').reset();
    $('task').hidden = true;
    current = null;
    await loadQueue();
  }

  function fill(select, values) {
    select.replaceChildren(new Option('Choose…', ''));
    for (const value of values) {
      select.appendChild(new Option(value.replaceAll('_', ' ').toLowerCase(), value));
    }
  }

  async function start() {
    leadflow.showSession($('session'));
    const options = await call('GET', '/options');
    window.leadflowUser = options.json.user;
    fill($('recommendedProcedure'), options.json.procedures);
    fill($('nextStep'), options.json.nextSteps);
    fill($('informationNeeded'), options.json.informationNeeded);
    $('take-next').addEventListener('click', takeNext);
    $('refresh').addEventListener('click', loadQueue);
    $('claim').addEventListener('click', () => act('/claim', 'You claimed this review.'));
    $('renew').addEventListener('click', () => act('/renew', 'Your claim was renewed.'));
    $('release').addEventListener('click', () => act('/release', 'The review is back in the queue.'));
    $('close-task').addEventListener('click', () => { window.clinicianImaging.close(); $('task').hidden = true; current = null; });
    $('outcome').addEventListener('change', showOutcomeFields);
    $('outcome-form').addEventListener('submit', complete);
    showOutcomeFields();
    for (const radio of document.querySelectorAll('input[name=filter]')) {
      radio.addEventListener('change', loadQueue);
    }
    await loadQueue();
    setInterval(loadQueue, 30000);
    setInterval(() => refreshOpenReview().catch(() => {}), 5000);
  }

  start().catch(() => say('The queue could not be loaded.'));
})();
