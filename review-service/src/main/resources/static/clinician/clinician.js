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

  async function loadQueue() {
    const result = await call('GET', '');
    const body = $('queue').querySelector('tbody');
    body.replaceChildren();
    $('queue-empty').hidden = result.json.length > 0;
    for (const item of result.json) {
      const row = document.createElement('tr');
      row.dataset.reviewId = item.reviewId;
      row.className = [item.priority === 'URGENT' ? 'urgent' : '', item.overdue ? 'overdue' : ''].join(' ');
      cell(row, item.priority === 'URGENT' ? 'Urgent' : 'Routine');
      cell(row, item.condition.replaceAll('_', ' ').toLowerCase());
      cell(row, item.status === 'IN_PROGRESS' ? 'with ' + item.claimedBy : 'waiting');
      cell(row, timeLeft(item.secondsLeft), 'time-left');
      cell(row, item.staleImaging ? 'older than 12 months' : '', item.staleImaging ? 'stale' : '');
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'secondary open';
      open.textContent = 'Open';
      open.addEventListener('click', () => openReview(item.reviewId));
      cell(row, '').appendChild(open);
      body.appendChild(row);
    }
  }

  async function openReview(reviewId) {
    const result = await call('GET', '/' + encodeURIComponent(reviewId));
    if (!result.ok) { say(problemText(result)); return; }
    show(result.json);
  }

  function show(task) {
    current = task;
    $('task').hidden = false;
    $('task-id').textContent = task.reviewId;
    $('task-lease').textContent = task.status === 'IN_PROGRESS'
      ? 'Claimed by ' + task.claimedBy + ' until ' + new Date(task.leaseExpiresAt).toLocaleTimeString()
      : 'Status: ' + task.status.replaceAll('_', ' ').toLowerCase();
    const details = $('task-details');
    details.replaceChildren();
    const facts = [
      ['Priority', task.priority], ['Time left', timeLeft(task.secondsLeft)], ['Age', task.age],
      ['Condition', task.condition], ['Symptoms', task.symptoms.join(', ') || '—'],
      ['Red flags', task.redFlags.join(', ') || 'none'], ['Pain (0–10)', task.painLevel ?? '—'],
      ['Pain duration', task.painDuration], ['Treatments tried', task.treatmentsTried.join(', ') || '—'],
      ['Procedure of interest', task.procedureOfInterest || '—']
    ];
    if (task.outcome) {
      const o = task.outcome;
      facts.push([task.status === 'COMPLETED' ? 'Outcome' : 'Earlier outcome',
        [o.outcome, o.recommendedProcedure, o.nextStep, o.informationNeeded].filter(Boolean).join(' – ')
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
    const imaging = $('task-imaging');
    imaging.replaceChildren();
    for (const study of task.imaging) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = study.url;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = study.modality + ' (' + study.format + ')' + (study.studyDate ? ', taken ' + study.studyDate : '');
      li.appendChild(link);
      if (study.stale) {
        const badge = document.createElement('span');
        badge.className = 'stale';
        badge.textContent = ' older than 12 months';
        li.appendChild(badge);
      }
      imaging.appendChild(li);
    }
    const mine = task.status === 'IN_PROGRESS' && task.claimedBy === window.leadflowUser;
    $('claim').hidden = task.status !== 'QUEUED';
    $('renew').hidden = !mine;
    $('release').hidden = !mine;
    $('outcome-form').hidden = !mine;
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
    show(result.json);
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
    $('close-task').addEventListener('click', () => { $('task').hidden = true; current = null; });
    $('outcome').addEventListener('change', showOutcomeFields);
    $('outcome-form').addEventListener('submit', complete);
    showOutcomeFields();
    await loadQueue();
    setInterval(loadQueue, 30000);
  }

  start().catch(() => say('The queue could not be loaded.'));
})();
