// A review's imaging in the clinician page: each study with its series (opened in the DICOM viewer
// of viewer/viewer.js), reports opened by the browser itself, pictures shown in the page. Every file
// comes through review's own /api/reviews/{id}/imaging/... with the clinician's sign-in.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const BODY_PARTS = { LSPINE: 'lumbar spine', CSPINE: 'cervical spine', TSPINE: 'thoracic spine', SPINE: 'spine',
    NECK: 'neck', PELVIS: 'pelvis', HIP: 'hip', SACRUM: 'sacrum' };
  const MODALITIES = { MRI: 'MRI', CT: 'CT', XRAY: 'X-ray', OTHER: 'Imaging' };
  const FORMATS = { PDF: 'PDF report', JPEG: 'picture', PNG: 'picture', DICOM: 'DICOM file', OTHER: 'file' };
  let viewer = null;

  function bodyPart(code) {
    if (!code) { return ''; }
    return BODY_PARTS[code.toUpperCase()] || code.toLowerCase();
  }

  /** "4 months old", "2 years old", "taken this month". */
  function age(date) {
    if (!date) { return 'date not known'; }
    const taken = new Date(date + 'T12:00:00');
    const now = new Date();
    const months = (now.getFullYear() - taken.getFullYear()) * 12 + now.getMonth() - taken.getMonth();
    if (months <= 0) { return 'taken this month'; }
    if (months < 24) { return months + (months === 1 ? ' month old' : ' months old'); }
    return Math.floor(months / 12) + ' years old';
  }

  function takenOn(date) {
    return date ? 'taken ' + new Date(date + 'T12:00:00').toLocaleDateString(undefined,
      { year: 'numeric', month: 'short', day: 'numeric' }) : 'date not known';
  }

  function studyTitle(study) {
    return [MODALITIES[study.modality] || study.modality, bodyPart(study.bodyPart)].filter(Boolean).join(' ');
  }

  function button(text, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  function show(task) {
    const list = $('task-imaging');
    list.replaceChildren();
    close();
    if (task.imaging.length === 0) {
      const li = document.createElement('li');
      li.textContent = 'No imaging yet.';
      list.appendChild(li);
    }
    for (const study of task.imaging) {
      const li = document.createElement('li');
      const heading = document.createElement('span');
      heading.className = 'study';
      if (study.series.length > 0) {
        heading.textContent = studyTitle(study) + ', ' + study.series.length
          + (study.series.length === 1 ? ' series, ' : ' series, ') + takenOn(study.studyDate)
          + ' (' + age(study.studyDate) + ')';
        li.appendChild(heading);
        const series = document.createElement('ul');
        series.className = 'series';
        for (const s of study.series) {
          const item = document.createElement('li');
          const label = (s.description || 'Series ' + (s.seriesNumber ?? s.index + 1)) + ' · '
            + s.imageCount + (s.imageCount === 1 ? ' image' : ' images');
          const view = button('View ' + label, () => openSeries(study, s));
          view.dataset.series = String(s.index);
          item.appendChild(view);
          series.appendChild(item);
        }
        li.appendChild(series);
      } else if (study.format === 'PDF') {
        const link = document.createElement('a');
        link.href = study.url;
        link.target = '_blank';
        link.rel = 'noopener';
        link.className = 'report';
        link.textContent = 'Open the PDF report (' + takenOn(study.studyDate) + ') in a new tab';
        li.appendChild(link);
      } else if (study.format === 'JPEG' || study.format === 'PNG') {
        li.appendChild(button('Show the picture (' + takenOn(study.studyDate) + ')', () => openPicture(study)));
      } else {
        heading.textContent = (MODALITIES[study.modality] || '') + ' ' + (FORMATS[study.format] || 'file') + ', '
          + takenOn(study.studyDate);
        li.appendChild(heading);
      }
      if (study.stale) {
        const badge = document.createElement('span');
        badge.className = 'stale';
        badge.textContent = ' older than 12 months';
        li.appendChild(badge);
      }
      list.appendChild(li);
    }
  }

  function openPicture(study) {
    close();
    $('picture-image').src = study.url;
    $('picture-image').alt = 'Picture sent with the request, ' + takenOn(study.studyDate);
    $('picture-caption').textContent = studyTitle(study) + ' picture, ' + takenOn(study.studyDate);
    $('picture').hidden = false;
  }

  function openSeries(study, series) {
    close();
    $('viewer').hidden = false;
    $('viewer-title').textContent = (series.description || 'Series ' + (series.index + 1)) + ' · '
      + studyTitle(study) + ' · ' + takenOn(study.studyDate);
    $('slice-counter').textContent = 'Loading ' + series.imageCount + ' images…';
    const urls = [];
    for (let i = 0; i < series.imageCount; i++) {
      urls.push(study.url + '/series/' + series.index + '/instances/' + i);
    }
    viewer = window.leadflowViewer.open('viewer-canvas', urls,
      (position) => { $('slice-counter').textContent = 'Slice ' + position.slice + ' of ' + position.slices; },
      (message) => { $('slice-counter').textContent = message; });
    pressTool('Scroll');
    $('viewer-canvas').focus();
  }

  function pressTool(name) {
    for (const b of document.querySelectorAll('#viewer .tool')) {
      b.setAttribute('aria-pressed', String(b.dataset.tool === name));
    }
  }

  function close() {
    if (viewer) { viewer.close(); viewer = null; }
    $('viewer').hidden = true;
    $('viewer-canvas').replaceChildren();
    $('picture').hidden = true;
    $('picture-image').removeAttribute('src');
  }

  function start() {
    $('slice-next').addEventListener('click', () => viewer && viewer.next());
    $('slice-previous').addEventListener('click', () => viewer && viewer.previous());
    $('viewer-reset').addEventListener('click', () => viewer && viewer.reset());
    $('viewer-close').addEventListener('click', close);
    for (const b of document.querySelectorAll('#viewer .tool')) {
      b.addEventListener('click', () => { if (viewer) { viewer.tool(b.dataset.tool); pressTool(b.dataset.tool); } });
    }
    $('viewer-canvas').addEventListener('keydown', (event) => {
      if (!viewer) { return; }
      if (event.key === 'ArrowUp' || event.key === 'PageUp') { viewer.next(); event.preventDefault(); }
      if (event.key === 'ArrowDown' || event.key === 'PageDown') { viewer.previous(); event.preventDefault(); }
    });
    window.addEventListener('resize', () => viewer && viewer.resize());
  }

  window.clinicianImaging = { show, close, studyTitle, age };
  document.addEventListener('DOMContentLoaded', start);
})();
