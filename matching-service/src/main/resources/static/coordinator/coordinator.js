// The ambassador coordinator's page: the registry of past patients, the match board and the wait-list,
// read and changed through matching's APIs with the signed-in session (leadflow.fetch adds the CSRF token).
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const fields = ['firstName', 'lastInitial', 'condition', 'procedure', 'procedureYear', 'ageBand', 'gender',
    'languages', 'state', 'timeZone', 'contactMode', 'maxActive', 'consentDate', 'consentEvidence'];
  const ratings = [
    ['5', '5 – very helpful'], ['4', '4 – helpful'], ['3', '3 – somewhat helpful'],
    ['2', '2 – a little helpful'], ['1', '1 – not helpful']
  ];
  let choices = null;
  let labels = {};
  let editing = null;
  let retiring = null;

  function say(text) { $('message').textContent = text || ''; }

  async function call(method, path, body) {
    const response = await leadflow.fetch(path, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    return { status: response.status, ok: response.ok, json };
  }

  /** A code in plain words: the page never shows SPINAL_STENOSIS. */
  function label(code) {
    if (code === null || code === undefined || code === '') { return '—'; }
    if (labels[code]) { return labels[code]; }
    const words = String(code).toLowerCase().replaceAll('_', ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function problemText(result) {
    const json = result.json || {};
    if (result.status === 403) { return 'Your role does not allow this.'; }
    if (result.status === 409) { return json.detail || 'This cannot be done in its current state.'; }
    if (result.status === 404) { return 'It no longer exists; the page was refreshed.'; }
    return json.detail || 'Something went wrong (' + result.status + '). Please try again.';
  }

  function option(select, value, text) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    select.appendChild(o);
  }

  function fill(select, list, prompt) {
    select.replaceChildren();
    if (prompt) { option(select, '', prompt); }
    list.forEach(choice => option(select, choice.code, choice.label));
  }

  async function loadChoices() {
    const result = await call('GET', '/api/coordinator/choices');
    choices = result.json;
    labels = Object.assign({}, choices.labels);
    ['conditions', 'procedures', 'ageBands', 'genders', 'contactModes', 'languages', 'timeZones',
      'ambassadorStatuses', 'matchStates'].forEach(list => choices[list].forEach(c => { labels[c.code] = c.label; }));
    fill($('condition'), choices.conditions, 'Choose…');
    fill($('procedure'), choices.procedures, 'Choose…');
    fill($('ageBand'), choices.ageBands, 'Choose…');
    fill($('gender'), choices.genders, 'Choose…');
    fill($('timeZone'), choices.timeZones, 'Choose…');
    fill($('contactMode'), choices.contactModes, 'Choose…');
    const languages = $('languages');
    languages.replaceChildren();
    choices.languages.forEach(choice => {
      const item = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'languages';
      box.value = choice.code;
      item.append(box, ' ' + choice.label);
      languages.appendChild(item);
    });
  }

  // ---- registry ----

  function cell(row, text, heading) {
    const td = document.createElement('td');
    td.dataset.label = heading;
    if (text instanceof Node) { td.appendChild(text); } else { td.textContent = text; }
    row.appendChild(td);
    return td;
  }

  function button(text, className, onClick, name) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.className = className;
    if (name) { b.setAttribute('aria-label', text + ' ' + name); }
    b.addEventListener('click', onClick);
    return b;
  }

  function languageWords(codes) {
    return codes.map(label).join(', ');
  }

  async function loadRegistry() {
    const result = await call('GET', '/api/ambassadors');
    if (!result.ok) { say(problemText(result)); return; }
    const body = $('ambassadors').querySelector('tbody');
    body.replaceChildren();
    $('ambassadors-empty').hidden = result.json.length > 0;
    for (const a of result.json) {
      const row = document.createElement('tr');
      row.dataset.ambassadorId = a.id;
      row.className = 'status-' + a.status.toLowerCase();
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = a.displayName;
      name.title = a.displayName;
      cell(row, name, 'Name');
      cell(row, label(a.condition) + '; ' + label(a.procedure) + ' (' + a.procedureYear + ')', 'Condition and procedure');
      cell(row, languageWords(a.languages), 'Languages');
      cell(row, a.activeMatches + ' of ' + a.maxActive + ' in use', 'Conversations');
      const status = document.createElement('span');
      status.className = 'status';
      status.textContent = label(a.status);
      cell(row, status, 'Status');
      const consent = document.createElement('span');
      consent.textContent = 'Given ' + a.consentDate + ': ' + (a.consentEvidence || 'no evidence recorded yet');
      cell(row, consent, 'Consent');
      const actions = document.createElement('div');
      actions.className = 'actions';
      if (a.status !== 'RETIRED') {
        actions.appendChild(button('Edit', 'secondary edit', () => openForm(a), a.displayName));
        if (a.status === 'ACTIVE') {
          actions.appendChild(button('Pause', 'secondary pause', () => change(a, 'pause', 'paused'), a.displayName));
        } else {
          actions.appendChild(button('Resume', 'secondary resume', () => change(a, 'resume', 'taking conversations again'), a.displayName));
        }
        actions.appendChild(button('Retire…', 'danger retire', () => askToRetire(a), a.displayName));
      }
      cell(row, actions, 'Actions');
      body.appendChild(row);
    }
  }

  async function change(a, action, done) {
    const result = await call('POST', '/api/ambassadors/' + encodeURIComponent(a.id) + '/' + action);
    if (!result.ok) { say(problemText(result)); } else { say(a.displayName + ' is now ' + done + '.'); }
    await refresh();
  }

  function askToRetire(a) {
    retiring = a;
    $('retire-name').textContent = a.displayName;
    $('retire-dialog').showModal();
    $('keep-ambassador').focus();
  }

  $('retire-dialog').addEventListener('close', async () => {
    const a = retiring;
    retiring = null;
    if (a && $('retire-dialog').returnValue === 'retire') {
      await change(a, 'retire', 'retired and will never be matched again');
    } else if (a) {
      say(a.displayName + ' was not retired.');
    }
  });

  function clearErrors() {
    $('form-errors').hidden = true;
    fields.forEach(field => {
      const slot = $('err-' + field);
      slot.hidden = true;
      slot.textContent = '';
      const wrapper = document.querySelector('[data-field="' + field + '"]');
      wrapper.classList.remove('invalid');
      const input = $(field);
      if (input) { input.removeAttribute('aria-invalid'); }
    });
  }

  /** "maxActive must be between 1 and 20." → "Must be between 1 and 20." (the label names the field). */
  function wordsFor(error) {
    const base = error.field.replace(/\[\d+\]$/, '');
    let text = error.message || '';
    if (text.startsWith(error.field + ' ')) { text = text.slice(error.field.length + 1); }
    if (error.rule === 'required') {
      const input = $(base);
      text = base === 'languages' ? 'Choose at least one language.'
        : (input && input.tagName === 'SELECT' ? 'Please choose one.' : 'Please fill this in.');
    }
    if (error.rule === 'one-of') { text = 'Please choose one.'; }
    if (base === 'languages' && error.rule === 'pattern') { text = 'Choose languages from the list.'; }
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function showErrors(errors) {
    let first = null;
    errors.forEach(error => {
      const field = error.field.replace(/\[\d+\]$/, '');
      const slot = $('err-' + field);
      if (!slot) { return; }
      slot.textContent = wordsFor(error);
      slot.hidden = false;
      document.querySelector('[data-field="' + field + '"]').classList.add('invalid');
      const input = $(field);
      if (input) { input.setAttribute('aria-invalid', 'true'); }
      first = first || input || slot;
    });
    $('form-errors').hidden = false;
    (first || $('form-errors')).focus();
  }

  function openForm(a) {
    editing = a || null;
    clearErrors();
    $('form-title').textContent = a ? 'Change what we know about ' + a.displayName : 'Add a past patient';
    const form = $('ambassador-form');
    form.reset();
    if (a) {
      ['firstName', 'lastInitial', 'condition', 'procedure', 'procedureYear', 'ageBand', 'gender', 'state',
        'contactMode', 'maxActive', 'consentDate', 'consentEvidence'].forEach(f => {
        $(f).value = a[f] === null || a[f] === undefined ? '' : a[f];
      });
      const zone = $('timeZone');
      if (!Array.from(zone.options).some(o => o.value === a.timeZone)) { option(zone, a.timeZone, a.timeZone); }
      zone.value = a.timeZone;
      form.querySelectorAll('input[name=languages]').forEach(box => { box.checked = a.languages.includes(box.value); });
    }
    form.hidden = false;
    $('firstName').focus();
  }

  function formBody() {
    const text = (id) => { const v = $(id).value.trim(); return v === '' ? null : v; };
    const number = (id) => {
      const v = text(id);
      return v === null ? null : (/^\d+$/.test(v) ? Number(v) : -1);
    };
    return {
      firstName: text('firstName'), lastInitial: text('lastInitial'), condition: text('condition'),
      procedure: text('procedure'), procedureYear: number('procedureYear'), ageBand: text('ageBand'),
      gender: text('gender'),
      languages: Array.from(document.querySelectorAll('input[name=languages]:checked')).map(box => box.value),
      state: text('state'), timeZone: text('timeZone'), contactMode: text('contactMode'),
      maxActive: number('maxActive'), consentDate: text('consentDate'), consentEvidence: text('consentEvidence')
    };
  }

  $('ambassador-form').addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors();
    const result = editing
      ? await call('PUT', '/api/ambassadors/' + encodeURIComponent(editing.id), formBody())
      : await call('POST', '/api/ambassadors', formBody());
    if (result.status === 400 && result.json && result.json.errors) {
      showErrors(result.json.errors);
      return;
    }
    if (!result.ok) { say(problemText(result)); return; }
    say(result.json.displayName + (editing ? ' was saved.' : ' joined the registry.'));
    editing = null;
    $('ambassador-form').hidden = true;
    await refresh();
  });

  $('add-ambassador').addEventListener('click', () => openForm(null));
  $('cancel-ambassador').addEventListener('click', () => {
    editing = null;
    $('ambassador-form').hidden = true;
    $('add-ambassador').focus();
  });

  // ---- match board ----

  function card(m) {
    const item = document.createElement('li');
    item.className = 'card';
    item.dataset.matchId = m.id;
    const title = document.createElement('p');
    title.className = 'card-title';
    title.textContent = m.ambassadorDisplayName + ' with visitor ';
    const lead = document.createElement('span');
    lead.className = 'lead-id';
    lead.textContent = m.leadId;
    title.appendChild(lead);
    item.appendChild(title);
    const proposed = document.createElement('p');
    proposed.className = 'meta';
    proposed.textContent = 'Proposed ' + new Date(m.proposedAt).toLocaleString();
    item.appendChild(proposed);
    if (m.reasons && m.reasons.length) {
      const reasons = document.createElement('ul');
      reasons.className = 'reasons';
      m.reasons.forEach(reason => {
        const li = document.createElement('li');
        li.textContent = reason;
        reasons.appendChild(li);
      });
      item.appendChild(reasons);
    }
    const who = m.ambassadorDisplayName;
    if (m.state === 'PROPOSED') {
      const actions = document.createElement('div');
      actions.className = 'actions';
      actions.append(button('Accept', 'accept', () => act(m, 'accept', who + ' agreed to talk.'), 'the match with ' + who),
        button('Decline', 'secondary decline', () => act(m, 'decline', who + ' declined; matching looks for someone else.'),
          'the match with ' + who));
      item.appendChild(actions);
    } else if (m.state === 'ACCEPTED') {
      item.appendChild(feedbackForm(m));
    } else if (m.state === 'COMPLETED') {
      const feedback = document.createElement('p');
      feedback.className = 'feedback';
      feedback.textContent = 'The visitor rated it ' + m.feedbackRating + ' of 5'
        + (m.feedbackComment ? ': “' + m.feedbackComment + '”' : '.');
      item.appendChild(feedback);
    }
    return item;
  }

  function feedbackForm(m) {
    const form = document.createElement('form');
    form.className = 'feedback-form';
    form.noValidate = true;
    const id = 'm-' + m.id;
    const ratingLabel = document.createElement('label');
    ratingLabel.htmlFor = id + '-rating';
    ratingLabel.textContent = 'How helpful the visitor found it';
    const rating = document.createElement('select');
    rating.id = id + '-rating';
    rating.className = 'rating';
    option(rating, '', 'Choose…');
    ratings.forEach(r => option(rating, r[0], r[1]));
    const commentLabel = document.createElement('label');
    commentLabel.htmlFor = id + '-comment';
    commentLabel.textContent = 'What they said (optional)';
    const comment = document.createElement('textarea');
    comment.id = id + '-comment';
    comment.className = 'comment';
    comment.rows = 2;
    comment.maxLength = 2000;
    const error = document.createElement('p');
    error.className = 'error';
    error.id = id + '-error';
    error.hidden = true;
    rating.setAttribute('aria-describedby', error.id);
    const actions = document.createElement('div');
    actions.className = 'actions';
    const complete = document.createElement('button');
    complete.type = 'submit';
    complete.className = 'complete';
    complete.textContent = 'They talked: save';
    actions.append(complete, button('Decline', 'secondary decline',
      () => act(m, 'decline', m.ambassadorDisplayName + ' cannot talk after all; matching looks for someone else.'),
      'the match with ' + m.ambassadorDisplayName));
    form.append(ratingLabel, rating, commentLabel, comment, error, actions);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      error.hidden = true;
      rating.removeAttribute('aria-invalid');
      form.classList.remove('invalid');
      const body = { rating: rating.value === '' ? null : Number(rating.value), comment: comment.value.trim() || null };
      const result = await call('POST', '/api/matches/' + encodeURIComponent(m.id) + '/complete', body);
      if (result.status === 400 && result.json && result.json.errors) {
        const first = result.json.errors[0];
        error.textContent = first.field === 'rating' ? 'Choose how helpful the visitor found it.' : wordsFor(first);
        error.hidden = false;
        rating.setAttribute('aria-invalid', 'true');
        form.classList.add('invalid');
        rating.focus();
        return;
      }
      if (!result.ok) { say(problemText(result)); } else { say('Saved: the visitor talked with ' + m.ambassadorDisplayName + '.'); }
      await refresh();
    });
    return form;
  }

  async function act(m, action, done) {
    const result = await call('POST', '/api/matches/' + encodeURIComponent(m.id) + '/' + action);
    say(result.ok ? done : problemText(result));
    await refresh();
  }

  async function loadBoard() {
    const result = await call('GET', '/api/match-board');
    if (!result.ok) { say(problemText(result)); return; }
    const columns = { PROPOSED: result.json.proposed, ACCEPTED: result.json.accepted,
      COMPLETED: result.json.completed, DECLINED: result.json.declined };
    Object.entries(columns).forEach(([state, matches]) => {
      const list = $('col-' + state).querySelector('ul');
      list.replaceChildren();
      if (matches.length === 0) {
        const none = document.createElement('li');
        none.className = 'none';
        none.textContent = 'None';
        list.appendChild(none);
      }
      matches.forEach(m => list.appendChild(card(m)));
    });
  }

  // ---- wait-list ----

  function lookingFor(entry) {
    const parts = [];
    if (entry.procedure) { parts.push(label(entry.procedure)); }
    if (entry.condition) { parts.push(label(entry.condition)); }
    return parts.join('; ') + ' · speaks ' + label(entry.language);
  }

  async function loadWaitlist() {
    const result = await call('GET', '/api/waitlist');
    if (!result.ok) { say(problemText(result)); return; }
    const body = $('waiting').querySelector('tbody');
    body.replaceChildren();
    $('waiting-empty').hidden = result.json.length > 0;
    result.json.forEach(entry => {
      const row = document.createElement('tr');
      row.dataset.leadId = entry.leadId;
      cell(row, entry.waitingSince ? new Date(entry.waitingSince).toLocaleString() : '—', 'Waiting since');
      const lead = document.createElement('span');
      lead.className = 'lead-id';
      lead.textContent = entry.leadId;
      cell(row, lead, 'Lead');
      cell(row, lookingFor(entry), 'Looking for');
      cell(row, entry.why, 'Why they wait').className = 'why';
      body.appendChild(row);
    });
  }

  async function refresh() {
    delete document.body.dataset.ready;
    await loadRegistry();
    await loadBoard();
    await loadWaitlist();
    // tests and people alike: everything on the page is now current
    document.body.dataset.ready = 'yes';
  }

  $('refresh').addEventListener('click', refresh);

  leadflow.showSession($('session'))
    .then(loadChoices)
    .then(refresh)
    .catch(() => say('The page could not load its data. Please reload it.'));
})();
