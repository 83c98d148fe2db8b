// The visitor's private status page: the token after '#' never reaches server logs or referrers.
// The server decides which steps the visitor sees, in which order and in which words (status/VisitorSteps).
(function () {
  'use strict';
  const token = location.hash.slice(1);
  const badges = {
    NOT_STARTED: 'Coming up', RECEIVED: 'Received', IN_PROGRESS: 'In progress',
    WAITING_FOR_YOU: 'Waiting for you', DONE: 'Done'
  };

  function render(view) {
    document.getElementById('submitted-at').textContent = new Date(view.submittedAt).toLocaleString();
    const steps = document.getElementById('steps');
    steps.replaceChildren();
    view.steps.forEach(step => {
      const item = document.createElement('li');
      item.className = 'step progress-' + step.progress.toLowerCase().replaceAll('_', '-');
      item.dataset.stage = step.stage;
      const title = document.createElement('h2');
      title.className = 'step-title';
      const name = document.createElement('span');
      name.textContent = step.label;
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = badges[step.progress];
      title.append(name, ': ', badge);
      const meaning = document.createElement('p');
      meaning.className = 'meaning';
      meaning.textContent = step.meaning;
      item.append(title, meaning);
      if (step.since) {
        const since = document.createElement('p');
        since.className = 'since';
        since.textContent = 'Updated ' + new Date(step.since).toLocaleString();
        item.appendChild(since);
      }
      steps.appendChild(item);
    });
    document.getElementById('progress').hidden = false;
    showImaging(view);
  }

  // ---- imaging upload ----
  function showImaging(view) {
    document.getElementById('add-imaging').hidden = !view.requestedServices.includes('MRI_CT_REVIEW');
  }

  document.getElementById('imaging-form').addEventListener('submit', async event => {
    event.preventDefault();
    const error = document.getElementById('err-imaging');
    const input = document.getElementById('imaging');
    error.hidden = true;
    input.removeAttribute('aria-invalid');
    const files = Array.from(input.files);
    const sent = await leadflowUpload.sendAll('/api/status/' + encodeURIComponent(token) + '/imaging', files,
      document.getElementById('imaging-progress'));
    if (sent.refused) {
      const answer = sent.refused.answer;
      error.textContent = sent.refused.file.name + ': ' + ((answer.errors && answer.errors[0].message) || answer.detail || 'could not be uploaded');
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    document.getElementById('uploaded').textContent = sent.answers.length + ' file(s) added. Thank you!';
  });
  // ---- end of imaging upload ----

  fetch('/api/status/' + encodeURIComponent(token)).then(response => {
    if (!response.ok) { throw new Error('not found'); }
    return response.json();
  }).then(view => {
    render(view);
    const events = new EventSource('/api/status/' + encodeURIComponent(token) + '/events');
    events.addEventListener('status', e => render(JSON.parse(e.data)));
  }).catch(() => { document.getElementById('not-found').hidden = false; });
})();
