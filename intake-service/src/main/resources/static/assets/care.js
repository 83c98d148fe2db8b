// The care managers' list: newest first, speed-to-lead clock, contact attempts, live refresh.
(function () {
  'use strict';
  const rows = document.getElementById('leads');

  // outreach's stages and statuses in plain words
  const WORDS = {
    INFO_KIT: 'Info kit', MESSAGES: 'Messages', INFO_KIT_SENT: 'kit sent', INFO_KIT_MAIL_BY_HAND: 'kit to be posted by hand',
    INFO_KIT_NOT_SENT: 'kit could not be sent', MESSAGE_SENT: 'message sent', MESSAGE_DEFERRED: 'message held for quiet hours',
    MESSAGE_SUPPRESSED: 'message not sent', MESSAGE_NOT_SENT: 'message could not be sent', OPTED_OUT: 'opted out of all messages'
  };
  function words(code) { return WORDS[code] || code; }
  function text(value) { return document.createTextNode(value == null ? '' : String(value)); }
  function cell(row, content) { const td = document.createElement('td'); td.appendChild(content); row.appendChild(td); return td; }

  function clock(speed) {
    if (speed.state === 'NOT_REQUESTED') { return '—'; }
    if (speed.state === 'CONTACTED') { return 'Contacted'; }
    const seconds = Math.round((new Date(speed.dueAt) - Date.now()) / 1000);
    return seconds > 0 ? 'Call within ' + Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0') : 'OVERDUE';
  }

  async function load() {
    const query = new URLSearchParams();
    const stage = document.getElementById('stage').value;
    const service = document.getElementById('service').value;
    if (stage) { query.set('stage', stage); }
    if (service) { query.set('service', service); }
    const response = await leadflow.fetch('/api/care/leads?' + query);
    if (!response.ok) { document.getElementById('live').textContent = 'Could not load leads (' + response.status + ').'; return; }
    const leads = await response.json();
    rows.innerHTML = '';
    leads.forEach(lead => {
      const row = document.createElement('tr');
      cell(row, text(new Date(lead.submittedAt).toLocaleString()));
      const name = document.createElement('button');
      name.type = 'button'; name.className = 'link'; name.textContent = lead.name;
      name.addEventListener('click', () => timeline(lead.id, lead.name));
      cell(row, name);
      cell(row, text(lead.preferredChannel + ' ' + (lead.phone || lead.email || '') + ' (' + lead.preferredTime + ')'));
      cell(row, text(lead.requestedServices.join(', ') + (lead.possibleDuplicateOf ? ' — possible duplicate' : '')));
      cell(row, text(words(lead.currentStage) + ': ' + words(lead.currentStatus)));
      const due = cell(row, text(clock(lead.speedToLead)));
      due.dataset.speed = JSON.stringify(lead.speedToLead);
      if (lead.speedToLead.state === 'OVERDUE') { due.className = 'overdue'; }
      cell(row, attemptForm(lead.id));
      rows.appendChild(row);
    });
  }

  function attemptForm(leadId) {
    const form = document.createElement('form');
    form.innerHTML = '<label>Channel <select name="channel"><option>PHONE</option><option>TEXT</option><option>EMAIL</option></select></label>' +
      '<label>Outcome <select name="outcome"><option>REACHED</option><option>LEFT_MESSAGE</option><option>NO_ANSWER</option><option>WRONG_NUMBER</option><option>SENT</option></select></label>' +
      '<button type="submit">Record</button>';
    form.addEventListener('submit', async event => {
      event.preventDefault();
      await leadflow.fetch('/api/care/leads/' + leadId + '/contact-attempts', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ channel: form.elements.channel.value, outcome: form.elements.outcome.value })
      });
      load();
    });
    return form;
  }

  async function timeline(leadId, name) {
    const lead = await (await leadflow.fetch('/api/leads/' + leadId)).json();
    document.getElementById('detail-title').textContent = 'Timeline of ' + name;
    const list = document.getElementById('timeline');
    list.innerHTML = '';
    lead.timeline.forEach(step => {
      const item = document.createElement('li');
      item.textContent = new Date(step.occurredAt).toLocaleString() + ' — ' + words(step.stage) + ': ' + words(step.status) +
        (step.summary ? ' (' + step.summary + ')' : '') + (step.actor ? ' by ' + step.actor : '');
      list.appendChild(item);
    });
    document.getElementById('detail').hidden = false;
    shown = leadId;
    messages(leadId);
  }

  // the lead's messages, as outreach keeps them (intake asks outreach as the signed-in person)
  let shown = null;
  const CHANNELS = { EMAIL: 'by email', SMS: 'by text', MAIL: 'by post' };
  async function messages(leadId) {
    const list = document.getElementById('messages');
    const note = document.getElementById('messages-note');
    list.innerHTML = '';
    note.textContent = 'Loading messages…';
    const response = await leadflow.fetch('/api/care/leads/' + leadId + '/messages');
    if (leadId !== shown) { return; }
    if (!response.ok) { note.textContent = await problem(response, 'The messages cannot be shown just now.'); return; }
    const found = await response.json();
    note.textContent = found.length ? '' : 'No messages yet.';
    found.forEach(message => {
      const item = document.createElement('li');
      const when = message.sentAt || message.dueAt || message.createdAt;
      item.textContent = message.what + ' ' + (CHANNELS[message.channel] || '') + ': ' + message.stateWords +
        (when ? ' (' + new Date(when).toLocaleString() + ')' : '') +
        (message.reason ? ' — ' + message.reason : '') + (message.requestedBy ? ', asked for by ' + message.requestedBy : '');
      list.appendChild(item);
    });
  }

  async function problem(response, otherwise) {
    try { const body = await response.json(); return body.detail || otherwise; } catch (e) { return otherwise; }
  }

  document.getElementById('resend-kit').addEventListener('click', async () => {
    const leadId = shown;
    const button = document.getElementById('resend-kit');
    button.disabled = true;
    const response = await leadflow.fetch('/api/care/leads/' + leadId + '/kit', { method: 'POST' });
    button.disabled = false;
    if (!response.ok) {
      document.getElementById('messages-note').textContent = await problem(response, 'The kit could not be sent again.');
      return;
    }
    await messages(leadId);
    document.getElementById('messages-note').textContent = 'The kit will be sent again.';
  });

  document.getElementById('stage').addEventListener('change', load);
  document.getElementById('service').addEventListener('change', load);
  setInterval(() => rows.querySelectorAll('td[data-speed]').forEach(td => {
    const speed = JSON.parse(td.dataset.speed);
    td.textContent = clock(speed);
    td.className = td.textContent === 'OVERDUE' ? 'overdue' : '';
  }), 1000);
  const changes = new EventSource('/api/leads/changes');
  changes.addEventListener('lead-changed', () => { document.getElementById('live').textContent = 'Updated ' + new Date().toLocaleTimeString(); load(); });
  leadflow.showSession(document.getElementById('session'));
  load();
})();
