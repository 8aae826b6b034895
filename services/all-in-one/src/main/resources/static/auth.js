// Sign-in with authorization code + PKCE against the embedded OpenID Connect provider; the access token is kept in
// sessionStorage (per tab, gone when the tab closes) and sent as a bearer token to /api.
const CLIENT_ID = 'vermissing-web';

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(length) {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return base64url(bytes).slice(0, length);
}

export async function signIn(returnTo) {
  const verifier = randomString(64);
  const state = randomString(24);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem('pkce_verifier', verifier);
  sessionStorage.setItem('pkce_state', state);
  sessionStorage.setItem('return_to', returnTo || location.pathname);
  const params = new URLSearchParams({
    response_type: 'code', client_id: CLIENT_ID, redirect_uri: location.origin + '/signed-in.html',
    scope: 'openid profile', code_challenge: challenge, code_challenge_method: 'S256', state,
  });
  location.assign('/oauth2/authorize?' + params);
}

export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (params.get('state') !== sessionStorage.getItem('pkce_state')) {
    throw new Error('Aanmelden mislukt (state)');
  }
  const response = await fetch('/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), client_id: CLIENT_ID,
      redirect_uri: location.origin + '/signed-in.html', code_verifier: sessionStorage.getItem('pkce_verifier'),
    }),
  });
  if (!response.ok) {
    throw new Error('Aanmelden mislukt (' + response.status + ')');
  }
  const tokens = await response.json();
  sessionStorage.setItem('access_token', tokens.access_token);
  sessionStorage.removeItem('pkce_verifier');
  sessionStorage.removeItem('pkce_state');
  const returnTo = sessionStorage.getItem('return_to') || '/';
  sessionStorage.removeItem('return_to');
  location.replace(returnTo === '/signed-in.html' ? '/' : returnTo);
}

export function token() {
  return sessionStorage.getItem('access_token');
}

/** The signed-in person from the token's claims, or null. */
export function currentUser() {
  const t = token();
  if (!t) return null;
  try {
    const claims = JSON.parse(atob(t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    if (claims.exp * 1000 < Date.now()) return null;
    return { id: claims.sub, name: claims.name, roles: claims.roles || [], tenant: claims.tenant };
  } catch (e) {
    return null;
  }
}

export function signOut() {
  sessionStorage.removeItem('access_token');
  location.assign('/');
}

/** Calls the API with the bearer token; problem+json errors become Error objects carrying the problem. */
/**
 * A change sent with an Idempotency-Key is safe to send again: when the network fails or the service is briefly
 * unavailable, it is retried with the same key, and the service records it at most once.
 */
async function send(path, options) {
  const retriable = options.headers.has('Idempotency-Key');
  const delays = retriable ? [500, 1500, 4000] : [];
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(path, options);
      if (attempt >= delays.length || ![502, 503, 504].includes(response.status)) return response;
    } catch (networkError) {
      if (attempt >= delays.length) throw networkError;
    }
    await new Promise(resolve => setTimeout(resolve, delays[attempt]));
  }
}

export async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  headers.set('Authorization', 'Bearer ' + token());
  if (options.body && !(options.body instanceof FormData) && !headers.has('Content-Type')) {
    headers.set('Content-Type', 'application/json');
  }
  const response = await send(path, { ...options, headers });
  if (response.status === 401) {
    await signIn(location.pathname + location.search);
    return new Promise(() => {});
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error((body && body.detail) || ('Fout ' + response.status));
    error.problem = body;
    error.status = response.status;
    throw error;
  }
  return body;
}
