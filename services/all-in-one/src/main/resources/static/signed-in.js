// Completes the sign-in (authorization code + PKCE) and returns to the page that asked for it.
import { completeSignIn } from '/auth.js';

completeSignIn().catch(error => {
  document.getElementById('status').textContent = error.message;
});
