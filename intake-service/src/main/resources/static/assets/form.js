// The public lead form: builds the JSON of POST /api/leads, shows the server's field errors inline.
(function () {
  'use strict';
  const form = document.getElementById('lead-form');
  const summary = document.getElementById('error-summary');
  const sending = document.getElementById('sending');
  let disclosureVersion = null;
  let idempotencyKey = newKey();

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  }

  fetch('/api/disclosure').then(r => r.json()).then(d => {
    document.getElementById('disclosure').textContent = d.text;
    disclosureVersion = d.version;
  });

  // First touch: where the visitor first came from is kept across visits.
  const params = new URLSearchParams(location.search);
  const touch = {
    utmSource: params.get('utm_source'), utmMedium: params.get('utm_medium'), utmCampaign: params.get('utm_campaign'),
    utmTerm: params.get('utm_term'), utmContent: params.get('utm_content'),
    referrer: document.referrer || null, landingPage: location.href.split('#')[0], firstTouchAt: new Date().toISOString()
  };
  let firstTouch = touch;
  try {
    const stored = localStorage.getItem('leadflow.firstTouch');
    const kept = stored ? JSON.parse(stored) : null;
    // the server takes a first touch of the last two years; after a year this visit counts as the first
    const yearAgo = Date.now() - 365 * 24 * 3600 * 1000;
    if (kept && Date.parse(kept.firstTouchAt) > yearAgo) { firstTouch = kept; } else { localStorage.setItem('leadflow.firstTouch', JSON.stringify(touch)); }
  } catch (e) { /* storage may be off; this visit is the first touch then */ }

  const relationship = document.getElementById('subscriberRelationship');
  relationship.addEventListener('change', () => {
    document.getElementById('subscriber').hidden = relationship.value === 'SELF';
  });

  function value(name) {
    const el = form.elements[name];
    const v = el ? el.value.trim() : '';
    return v === '' ? null : v;
  }
  function checked(name) {
    return Array.from(form.querySelectorAll('input[name="' + name + '"]:checked')).map(el => el.value);
  }

  function body(imagingIds) {
    const pain = value('clinical.painLevel');
    const insurance = {
      payerName: value('insurance.payerName'), memberId: value('insurance.memberId'),
      groupNumber: value('insurance.groupNumber'), subscriberRelationship: value('insurance.subscriberRelationship')
    };
    if (insurance.subscriberRelationship !== 'SELF') {
      insurance.subscriberFirstName = value('insurance.subscriberFirstName');
      insurance.subscriberLastName = value('insurance.subscriberLastName');
      insurance.subscriberDateOfBirth = value('insurance.subscriberDateOfBirth');
    }
    const hasInsurance = insurance.payerName || insurance.memberId || insurance.groupNumber;
    const services = checked('requestedServices');
    return {
      requestedServices: services,
      contact: {
        firstName: value('contact.firstName'), lastName: value('contact.lastName'), email: value('contact.email'),
        phone: value('contact.phone'), preferredChannel: value('contact.preferredChannel'),
        preferredTime: value('contact.preferredTime')
      },
      dateOfBirth: value('dateOfBirth'),
      zipCode: value('zipCode'),
      preferredLanguage: value('preferredLanguage'),
      clinical: {
        condition: value('clinical.condition'), symptoms: checked('clinical.symptoms'),
        redFlags: checked('clinical.redFlags'), painLevel: pain === null ? null : Number(pain),
        painDuration: value('clinical.painDuration'), treatmentsTried: checked('clinical.treatmentsTried'),
        procedureOfInterest: value('clinical.procedureOfInterest'), description: value('clinical.description')
      },
      insurance: hasInsurance || services.includes('INSURANCE_VERIFICATION') ? insurance : null,
      consent: {
        contactConsentGiven: document.getElementById('consent').checked,
        disclosureVersion: disclosureVersion, pageUrl: location.href.split('#')[0]
      },
      attribution: firstTouch,
      connectPreferences: services.includes('CONNECT_WITH_PAST_PATIENT') ? { ambassadorGender: 'NO_PREFERENCE' } : null,
      imagingIds: imagingIds
    };
  }

  function clearErrors() {
    summary.hidden = true;
    document.getElementById('error-list').innerHTML = '';
    form.querySelectorAll('.error').forEach(p => { p.hidden = true; p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
    form.querySelectorAll('.invalid').forEach(el => el.classList.remove('invalid'));
  }

  /** Marks the answer to check by more than text: a red bar, a tint and a thicker border (form.css). */
  function markInvalid(field) {
    // "contact" (neither email nor phone) is fixed in either of the two fields
    const fields = field === 'contact' ? ['contact.email', 'contact.phone'] : [field];
    fields.forEach(name => {
      const box = form.querySelector('[data-field="' + name + '"]')
        || form.querySelector('[data-field="' + name.split('.')[0] + '"]');
      if (box) { box.classList.add('invalid'); }
      const input = form.elements[name];
      if (input && input.setAttribute) { input.setAttribute('aria-invalid', 'true'); }
    });
  }

  function showErrors(errors) {
    const list = document.getElementById('error-list');
    errors.forEach(error => {
      const field = error.field.replace(/\[\d+\]$/, '');
      const slot = document.getElementById('err-' + field) || document.getElementById('err-' + field.split('.')[0]);
      const input = form.elements[field];
      const message = labelOf(field) + ': ' + error.message;
      if (slot) { slot.textContent = error.message; slot.hidden = false; }
      markInvalid(field);
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = '#' + (input && input.id ? input.id : (slot ? slot.id : ''));
      link.textContent = message;
      item.appendChild(link);
      list.appendChild(item);
    });
    document.getElementById('error-count').textContent = errors.length === 1 ? 'one answer' : errors.length + ' answers';
    summary.hidden = false;
    summary.focus();
  }

  function labelOf(field) {
    const input = form.elements[field];
    const label = input && input.id ? form.querySelector('label[for="' + input.id + '"]') : null;
    if (label && label.id !== 'disclosure') { return label.textContent.replace('*', '').trim(); }
    // a group (the services, the consent box) is named by its own legend or by the fieldset it sits in
    const box = form.querySelector('[data-field="' + field + '"]');
    const group = box && (box.querySelector('legend') || (box.closest('fieldset') && box.closest('fieldset').querySelector('legend')));
    return group ? group.textContent.replace('*', '').trim() : 'This answer';
  }

  function problem(message) {
    showErrors([{ field: 'form', rule: 'unavailable', message: message }]);
  }

  async function uploadImaging() {
    const files = Array.from(document.getElementById('imaging').files);
    const sent = await leadflowUpload.sendAll('/api/imaging', files, document.getElementById('imaging-progress'));
    if (sent.refused) {
      const answer = sent.refused.answer;
      const why = (answer.errors && answer.errors[0] && answer.errors[0].message) || answer.detail || 'This file could not be uploaded.';
      throw { errors: [{ field: 'imagingIds', rule: 'upload', message: sent.refused.file.name + ': ' + why }] };
    }
    // imaging hook (H3): a ZIP of a study may hold a study and reports, each with its own id
    return sent.answers.flatMap(answer => answer.imagingIds || [answer.imagingId]);
  }

  // the status link is long: a button copies it whole, so nobody has to select it by hand
  document.getElementById('copy-link').addEventListener('click', async () => {
    const link = document.getElementById('status-link').href;
    const said = document.getElementById('copied');
    try {
      await navigator.clipboard.writeText(link);
      said.textContent = 'Copied. Paste it somewhere safe, such as a note to yourself.';
    } catch (e) {
      // no clipboard access (an older browser, or permission refused): select the link for the visitor
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('status-link'));
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      said.textContent = 'The link is selected: copy it with Ctrl+C (or ⌘+C on a Mac).';
    }
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors();
    const button = document.getElementById('submit');
    button.disabled = true;
    sending.textContent = 'Sending…';
    try {
      const imagingIds = await uploadImaging();
      const response = await fetch('/api/leads', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(body(imagingIds))
      });
      const answer = await response.json().catch(() => ({}));
      if (response.status === 202) {
        const link = document.getElementById('status-link');
        link.href = new URL(answer.statusUrl, location.href).href;
        link.textContent = link.href;
        document.getElementById('copied').textContent = '';
        form.hidden = true;
        const confirmation = document.getElementById('confirmation');
        confirmation.hidden = false;
        confirmation.focus();
        return;
      }
      if (response.status === 400 && answer.errors) {
        // the same key would replay a rejected request; a corrected form is a new submission
        idempotencyKey = newKey();
        showErrors(answer.errors);
      } else if (response.status === 429) {
        problem('We received many requests from your connection. Please wait a minute and try again.');
      } else {
        problem(answer.detail || 'Something went wrong on our side. Please try again, or call us.');
      }
    } catch (failure) {
      if (failure && failure.errors) { showErrors(failure.errors); } else { problem('We could not reach the server. Please check your connection and try again.'); }
    } finally {
      button.disabled = false;
      sending.textContent = '';
    }
  });
})();
