// One lead, opened from the inbox or a link (/care/#lead=<id>, as the ops console links): everything
// the lead and every service produced, and the forms to work it. A live change re-reads the lead
// and redraws what it shows, never the forms, so what the person is typing survives.
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const care = window.leadflowCare;
  const panel = $('detail');
  let shown = null;
  let openedFrom = null;

  // the names of a stage result's fields, and how each value reads
  const RESULT = {
    outcome: ['Outcome', v => care.word('ReviewOutcome', v)],
    recommendedProcedure: ['Recommended procedure', v => care.word('Procedure', v)],
    condition: ['Condition found', v => care.word('Condition', v)],
    nextStep: ['Next step', v => care.word('NextStep', v)],
    informationNeeded: ['Information needed', v => care.word('InformationNeeded', v)],
    priority: ['Priority', v => care.word('ReviewPriority', v)],
    dueAt: ['Review due', care.when],
    staleImaging: ['Imaging', () => 'older than the practice accepts'],
    payerName: ['Payer', String], planName: ['Plan', String],
    coverageActive: ['Coverage', v => v ? 'active' : 'not active'],
    network: ['Network', v => care.word('NetworkStatus', v)],
    coverageStart: ['Covered from', String], coverageEnd: ['Covered until', String],
    copayCents: ['Copay', dollars], coinsurancePercent: ['Coinsurance', v => v + ' %'],
    deductibleRemainingCents: ['Deductible left', dollars], outOfPocketRemainingCents: ['Out-of-pocket left', dollars],
    priorAuthorizationRequired: ['Prior authorization', v => v ? 'required' : 'not required'],
    reason: ['Why not verified', String], patientCanFix: ['The visitor can fix it', () => 'yes'],
    ambassador: ['Proposed past patient', String],
    sharedCondition: ['Shared condition', v => care.word('Condition', v)],
    sharedProcedure: ['Shared procedure', v => care.word('Procedure', v)],
    reasons: ['Why this match', v => v.join('; ')], feedbackRating: ['Feedback', v => v + ' of 5']
  };
  function dollars(cents) { return '$' + (cents / 100).toFixed(2); }

  function facts(list, pairs) {
    list.replaceChildren();
    pairs.filter(([, value]) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && !value.length))
      .forEach(([term, value, className]) => {
        list.appendChild(care.el('dt', null, term));
        const dd = care.el('dd', className, Array.isArray(value) ? value.join(', ') : value);
        list.appendChild(dd);
      });
    if (!list.children.length) { list.appendChild(care.el('dd', 'quiet', 'Nothing given.')); }
  }

  function stages(lead) {
    const list = $('stages');
    list.replaceChildren();
    lead.stages.forEach(stage => {
      list.appendChild(care.el('dt', null, care.word('Stage', stage.stage)));
      const dd = care.el('dd');
      dd.appendChild(care.el('strong', null, care.word('LeadStatus', stage.status)));
      dd.appendChild(document.createTextNode(' · ' + care.when(stage.occurredAt)));
      if (stage.result) {
        const result = care.el('ul', 'result');
        Object.entries(stage.result).forEach(([field, value]) => {
          const words = RESULT[field];
          if (words && value !== null) { result.appendChild(care.el('li', null, words[0] + ': ' + words[1](value))); }
        });
        dd.appendChild(result);
      }
      list.appendChild(dd);
    });
  }

  function contact(lead) {
    const d = lead.details;
    const c = d.contact || {};
    facts($('contact'), [
      ['Email', c.email], ['Phone', care.phone(c.phone)],
      ['Prefers', care.word('ContactChannel', c.preferredChannel) + ', ' + care.word('ContactTime', c.preferredTime).toLowerCase()],
      ['Asked for', lead.requestedServices.map(s => care.word('ServiceType', s))],
      ['Language', d.preferredLanguage], ['Date of birth', d.dateOfBirth], ['ZIP code', d.zipCode],
      ['Past patient they would like', d.ambassadorGender && care.word('GenderPreference', d.ambassadorGender)],
      ['Submitted', care.when(lead.submittedAt)], ['Lead id', lead.id, 'code']
    ]);
    const links = $('duplicates');
    links.replaceChildren();
    const same = (lead.possibleDuplicateOf ? [lead.possibleDuplicateOf] : []).concat(lead.laterDuplicates);
    if (same.length) {
      links.appendChild(document.createTextNode('Possibly the same person as: '));
      same.forEach((id, i) => {
        const a = care.el('a', null, (id === lead.possibleDuplicateOf ? 'an earlier lead' : 'a later lead') +
          ' (' + id.slice(0, 8) + '…)');
        a.href = '#lead=' + id;
        if (i) { links.appendChild(document.createTextNode(', ')); }
        links.appendChild(a);
      });
    }
  }

  function clinical(lead) {
    const k = lead.details.clinical || {};
    facts($('clinical'), [
      ['Condition', care.word('Condition', k.condition)], ['Symptoms', (k.symptoms || []).map(s => care.word('Symptom', s))],
      ['Warning signs', (k.redFlags || []).map(s => care.word('RedFlag', s)), 'warning'],
      ['Pain', k.painLevel === null || k.painLevel === undefined ? '' : k.painLevel + ' of 10'],
      ['For', care.word('PainDuration', k.painDuration)],
      ['Tried', (k.treatmentsTried || []).map(s => care.word('ConservativeTreatment', s))],
      ['Interested in', care.word('Procedure', k.procedureOfInterest)], ['In their words', k.description, 'free-text']
    ]);
    const i = lead.details.insurance;
    facts($('insurance'), !i ? [] : [
      ['Payer', i.payerName], ['Payer id', i.payerId], ['Member id', i.memberId, 'code'], ['Group', i.groupNumber],
      ['Subscriber', care.word('SubscriberRelationship', i.subscriberRelationship)],
      ['Subscriber name', [i.subscriberFirstName, i.subscriberLastName].filter(Boolean).join(' ')],
      ['Subscriber born', i.subscriberDateOfBirth]
    ]);
    const imaging = $('imaging');
    imaging.replaceChildren();
    lead.imaging.forEach(file => imaging.appendChild(care.el('li', null, care.word('ImagingModality', file.modality) + ', ' +
      care.word('ImagingFormat', file.format) + ', ' + (file.sizeBytes / 1048576).toFixed(1) + ' MB' +
      (file.studyDate ? ', study of ' + file.studyDate : '') + ', uploaded ' + care.when(file.uploadedAt))));
    if (!lead.imaging.length) { imaging.appendChild(care.el('li', 'quiet', 'No imaging uploaded.')); }
  }

  function evidence(lead) {
    const c = lead.consent;
    const a = lead.attribution;
    facts($('evidence'), [
      ['Agreed to be contacted', c.contactConsentGiven ? 'Yes, ' + care.when(c.recordedAt) : 'No'],
      ['Text they agreed to', 'version ' + c.disclosureVersion + ' (SHA-256 ' + c.disclosureSha256.slice(0, 12) + '…)'],
      ['On the page', c.pageUrl, 'code'], ['From address', c.ipAddress], ['Browser', c.userAgent, 'code'],
      ['Campaign', [a.utmSource, a.utmMedium, a.utmCampaign, a.utmTerm, a.utmContent].filter(Boolean).join(' / ')],
      ['Came from', a.referrer, 'code'], ['Landed on', a.landingPage, 'code'], ['First visit', care.when(a.firstTouchAt)]
    ]);
  }

  function timeline(lead) {
    const list = $('timeline');
    list.replaceChildren();
    lead.timeline.forEach(step => list.appendChild(care.el('li', null, care.when(step.occurredAt) + ' — ' +
      care.word('Stage', step.stage) + ': ' + care.word('LeadStatus', step.status) +
      (step.summary && step.summary !== step.status ? ' (' + step.summary + ')' : '') + (step.actor ? ' by ' + step.actor : ''))));
    const notes = $('notes');
    notes.replaceChildren();
    lead.notes.forEach(note => {
      const item = care.el('li');
      item.appendChild(care.el('p', 'free-text', note.text));
      item.appendChild(care.el('p', 'quiet', note.author + ', ' + care.when(note.writtenAt)));
      notes.appendChild(item);
    });
  }

  function show(lead) {
    const c = lead.details.contact || {};
    $('detail-title').textContent = c.firstName + ' ' + c.lastName;
    const clock = $('detail-clock');
    clock.textContent = 'Speed to lead: ' + care.clock(lead.speedToLead);
    clock.classList.toggle('overdue', care.overdue(lead.speedToLead));
    $('detail-owner').textContent = lead.owner ? 'Worked by ' + lead.owner + '.' : 'Nobody works this lead yet.';
    stages(lead);
    contact(lead);
    clinical(lead);
    evidence(lead);
    timeline(lead);
  }

  /** The forms start fresh for each lead opened, with the visitor's preferred channel chosen. */
  function resetForms(lead) {
    const preferred = (lead.details.contact || {}).preferredChannel;
    $('attempt-channel').value = care.outcomes[preferred] ? preferred : 'PHONE';
    outcomes();
    $('note-text').value = '';
    $('assign-to').value = '';
    $('detail-note').textContent = '';
  }

  function outcomes() {
    const select = $('attempt-outcome');
    select.replaceChildren();
    (care.outcomes[$('attempt-channel').value] || []).forEach(code => {
      const option = care.el('option', null, care.word('Outcome', code));
      option.value = code;
      select.appendChild(option);
    });
  }

  async function open(leadId, fresh) {
    const response = await leadflow.fetch('/api/leads/' + encodeURIComponent(leadId));
    if (!response.ok) {
      $('live').textContent = response.status === 404 || response.status === 400 ? 'There is no such lead.'
        : await care.problem(response, 'The lead cannot be shown just now.');
      return;
    }
    const lead = await response.json();
    if (fresh) {
      openedFrom = lead.id;
      shown = lead.id;
      resetForms(lead);
      messages(lead.id);
    }
    if (lead.id !== shown) { return; }
    show(lead);
    panel.hidden = false;
    document.body.classList.add('with-detail');
    if (fresh) { $('detail-title').focus(); }
  }

  function close() {
    panel.hidden = true;
    document.body.classList.remove('with-detail');
    shown = null;
    if (location.hash) { history.replaceState(null, '', location.pathname + location.search); }
    // back to the lead's row (the list may have been redrawn meanwhile)
    const link = document.querySelector('#leads tr[data-lead="' + openedFrom + '"] a');
    if (link) { link.focus(); }
  }

  function fromHash() {
    const match = /^#lead=([0-9a-fA-F-]{36})$/.exec(location.hash);
    if (match && match[1] !== shown) { open(match[1], true); }
  }

  async function send(url, method, body, done) {
    const response = await leadflow.fetch(url, {
      method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
    $('detail-note').textContent = response.ok ? done : await care.problem(response, 'That did not work; try again.');
    if (response.ok) { open(shown, false); care.reload(); }
    return response.ok;
  }

  $('attempt-channel').addEventListener('change', outcomes);
  $('attempt-form').addEventListener('submit', event => {
    event.preventDefault();
    send('/api/care/leads/' + shown + '/contact-attempts', 'POST',
      { channel: $('attempt-channel').value, outcome: $('attempt-outcome').value }, 'Contact recorded.');
  });
  $('note-form').addEventListener('submit', async event => {
    event.preventDefault();
    if (await send('/api/care/leads/' + shown + '/notes', 'POST', { text: $('note-text').value }, 'Note added.')) {
      $('note-text').value = '';
    }
  });
  $('assign-me').addEventListener('click', () => send('/api/care/leads/' + shown + '/owner', 'PUT', { owner: 'me' }, 'The lead is yours.'));
  $('unassign').addEventListener('click', () => send('/api/care/leads/' + shown + '/owner', 'PUT', { owner: null }, 'Nobody works the lead now.'));
  $('owner-form').addEventListener('submit', event => {
    event.preventDefault();
    const who = $('assign-to').value.trim();
    send('/api/care/leads/' + shown + '/owner', 'PUT', { owner: who }, who ? 'Assigned to ' + who + '.' : 'Nobody works the lead now.');
  });
  $('close-detail').addEventListener('click', close);
  document.addEventListener('keydown', event => { if (event.key === 'Escape' && !panel.hidden) { close(); } });
  document.addEventListener('leadflow-lead-changed', event => {
    // a change of this lead, or a reconnect (no lead named): read it again
    if (shown && (!event.detail.leadId || event.detail.leadId === shown)) { open(shown, false); }
  });
  window.addEventListener('hashchange', fromHash);
  document.addEventListener('leadflow-care-ready', async () => {
    Object.keys(care.outcomes).forEach(code => {
      const option = care.el('option', null, care.word('Channel', code));
      option.value = code;
      $('attempt-channel').appendChild(option);
    });
    const owners = await leadflow.fetch('/api/care/owners');
    if (owners.ok) { (await owners.json()).forEach(name => { const o = care.el('option'); o.value = name; $('owners').appendChild(o); }); }
    fromHash();
  });

  // the lead's messages, as outreach keeps them (intake asks outreach as the signed-in person)
  const CHANNELS = { EMAIL: 'by email', TEXT: 'by text', MAIL: 'by post' };
  async function messages(leadId) {
    const list = $('messages');
    const note = $('messages-note');
    list.replaceChildren();
    note.textContent = 'Loading messages…';
    const response = await leadflow.fetch('/api/care/leads/' + leadId + '/messages');
    if (leadId !== shown) { return; }
    if (!response.ok) { note.textContent = await care.problem(response, 'The messages cannot be shown just now.'); return; }
    const found = await response.json();
    note.textContent = found.length ? '' : 'No messages yet.';
    found.forEach(message => {
      const when = message.sentAt || message.dueAt || message.createdAt;
      const item = care.el('li', null, message.what + ' ' + (CHANNELS[message.channel] || '') + ': ' + message.stateWords +
        (when ? ' (' + care.when(when) + ')' : '') +
        (message.reason ? ' — ' + message.reason : '') + (message.requestedBy ? ', asked for by ' + message.requestedBy : ''));
      if (message.state === 'TO_MAIL') {
        // the kit waits for the care team to post it; once it is in the mail, say so here
        const button = care.el('button', 'secondary', 'I posted the kit');
        button.type = 'button';
        button.addEventListener('click', () => markPosted(leadId, message.id, button));
        item.append(' ', button);
      }
      list.appendChild(item);
    });
  }

  async function markPosted(leadId, messageId, button) {
    button.disabled = true;
    const response = await leadflow.fetch('/api/care/messages/' + messageId + '/posted', { method: 'POST' });
    if (!response.ok) {
      button.disabled = false;
      $('messages-note').textContent = await care.problem(response, 'The kit could not be marked as posted.');
      return;
    }
    await messages(leadId);
    $('messages-note').textContent = 'The kit is marked as posted.';
  }

  $('resend-kit').addEventListener('click', async () => {
    const leadId = shown;
    const button = $('resend-kit');
    button.disabled = true;
    const response = await leadflow.fetch('/api/care/leads/' + leadId + '/kit', { method: 'POST' });
    button.disabled = false;
    if (!response.ok) {
      $('messages-note').textContent = await care.problem(response, 'The kit could not be sent again.');
      return;
    }
    await messages(leadId);
    $('messages-note').textContent = 'The kit will be sent again.';
  });
})();
