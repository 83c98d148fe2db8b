// Shared by every staff page: who is signed in, the CSRF token sent with each change, and sign-out.
// Pages call leadflow.fetch() instead of fetch(); a lapsed session sends the person to sign in again.
(function () {
  'use strict';

  const unsafe = ['POST', 'PUT', 'PATCH', 'DELETE'];
  let session = null;

  function load() {
    if (!session) {
      session = fetch('/leadflow/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(response => {
          if (response.status === 401) { signIn(); throw new Error('signed out'); }
          if (!response.ok) { throw new Error('session ' + response.status); }
          return response.json();
        });
      session.catch(() => { session = null; });
    }
    return session;
  }

  function signIn() {
    // the service sends the browser to the practice's sign-in and back to this page
    window.location.assign(window.location.pathname + window.location.search + window.location.hash);
  }

  async function leadflowFetch(url, options) {
    const init = Object.assign({ credentials: 'same-origin' }, options || {});
    const method = (init.method || 'GET').toUpperCase();
    const headers = new Headers(init.headers || {});
    if (!headers.has('Accept')) { headers.set('Accept', 'application/json'); }
    if (unsafe.includes(method)) {
      const current = await load();
      headers.set(current.csrf.header, current.csrf.token);
    }
    init.headers = headers;
    const response = await fetch(url, init);
    if (response.status === 401) {
      session = null;
      signIn();
      throw new Error('signed out');
    }
    return response;
  }

  async function signOut() {
    const current = await load();
    const form = document.createElement('form');
    form.method = 'post';
    form.action = current.signOut;
    const token = document.createElement('input');
    token.type = 'hidden';
    token.name = current.csrf.parameter;
    token.value = current.csrf.token;
    form.appendChild(token);
    document.body.appendChild(form);
    form.submit();
  }

  /** Fills an element (e.g. a header's nav) with "Signed in as … · Sign out". */
  async function showSession(element) {
    const current = await load();
    element.classList.add('leadflow-session');
    const who = document.createElement('span');
    who.id = 'signed-in-as';
    who.textContent = 'Signed in as ' + current.user;
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'sign-out';
    button.textContent = 'Sign out';
    button.addEventListener('click', signOut);
    element.replaceChildren(who, button);
    return current;
  }

  window.leadflow = { session: load, fetch: leadflowFetch, signOut, showSession };
})();
