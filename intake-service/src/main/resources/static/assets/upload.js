// Sends a visitor's files one by one and shows how far each got: a disc export can be hundreds of
// megabytes, and fetch cannot report upload progress, so this uses XMLHttpRequest's upload events.
(function () {
  'use strict';

  function sendOne(url, file, onProgress) {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', url);
      request.responseType = 'text';
      request.upload.addEventListener('progress', event => {
        if (event.lengthComputable) { onProgress(event.loaded / event.total); }
      });
      request.addEventListener('load', () => {
        let answer = {};
        try { answer = JSON.parse(request.responseText || '{}'); } catch (e) { answer = {}; }
        resolve({ ok: request.status >= 200 && request.status < 300, status: request.status, answer: answer });
      });
      request.addEventListener('error', () => reject(new Error('network')));
      request.addEventListener('abort', () => reject(new Error('aborted')));
      const data = new FormData();
      data.append('file', file);
      request.send(data);
    });
  }

  /**
   * Uploads the files to url in turn, showing progress in box (a <progress> and a status line in it).
   * Resolves to the answers; stops at the first refusal and resolves with it as {refused: {file, answer}}.
   */
  async function sendAll(url, files, box) {
    const bar = box.querySelector('progress');
    const line = box.querySelector('[role=status]');
    const answers = [];
    box.hidden = files.length === 0;
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      const say = fraction => {
        const percent = Math.round(fraction * 100);
        bar.value = Math.round(((i + fraction) / files.length) * 100);
        line.textContent = 'Uploading file ' + (i + 1) + ' of ' + files.length + ' (' + file.name + '): ' + percent + '%';
      };
      say(0);
      let reply;
      try {
        reply = await sendOne(url, file, say);
      } catch (e) {
        line.textContent = 'The upload was interrupted. Check your connection and try again.';
        return { refused: { file: file, answer: { detail: 'The upload was interrupted. Check your connection and try again.' } } };
      }
      if (!reply.ok) {
        line.textContent = 'File ' + (i + 1) + ' of ' + files.length + ' was not accepted.';
        return { refused: { file: file, answer: reply.answer } };
      }
      answers.push(reply.answer);
    }
    bar.value = 100;
    line.textContent = files.length === 1 ? '1 of 1 file uploaded.' : files.length + ' of ' + files.length + ' files uploaded.';
    return { answers: answers };
  }

  window.leadflowUpload = { sendAll: sendAll };
})();
