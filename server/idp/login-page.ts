// The demo provider's pages: a plain form each, no script. The sign-in page
// names the demo users (this is a demo; a lab's provider is its own).
import type { DemoUser } from "./demo-idp.js";

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — demo identity provider</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f0f0f0; color: #151515; }
  main { max-width: 26rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #8a8d90; border-radius: 4px; }
  button { margin: 1.5rem .5rem 0 0; padding: .5rem 1.5rem; font: inherit; color: #fff; background: #0066cc; border: 0; border-radius: 999px; }
  button.secondary { color: #0066cc; background: transparent; border: 1px solid #0066cc; }
  .problem { color: #a30000; font-weight: 600; }
  @media (prefers-color-scheme: dark) { body { background: #151515; color: #e0e0e0; } main { background: #292929; } input { background: #1b1d21; color: #e0e0e0; } button.secondary { color: #92c5f9; border-color: #92c5f9; } }
</style></head>
<body><main>
${body}
</main></body></html>`;
}

export function loginPage(input: { issuer: string; users: readonly DemoUser[]; problem: string | undefined }): string {
  const users = input.users.map((u) => `<li><code>${escape(u.username)}</code> / <code>${escape(u.password)}</code> (${escape(u.name)})</li>`).join("");
  return page(
    "Sign in",
    `<h1>Sign in</h1>
<p>The demo lab's identity provider (${escape(input.issuer)}).</p>
${input.problem === undefined ? "" : `<p class="problem" role="alert">${escape(input.problem)}</p>`}
<form method="post" autocomplete="off">
<label for="username">User name</label><input id="username" name="username" required autofocus>
<label for="password">Password</label><input id="password" name="password" type="password" required>
<button type="submit">Sign in</button>
</form>
<p>Demo users:</p><ul>${users}</ul>`,
  );
}

/** RP-initiated logout asks once (a link alone must not sign anyone out); `form` is the provider's own hidden form. */
export function logoutPage(input: { issuer: string; form: string }): string {
  return page(
    "Sign out",
    `<h1>Sign out of the demo identity provider?</h1>
<p>You will need your password to sign in again (${escape(input.issuer)}).</p>
${input.form}
<button autofocus type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<button class="secondary" type="submit" form="op.logoutForm">Stay signed in</button>`,
  );
}
