// Which Client an OIDC user is [Z2]: the controller derives the name from the
// user name, and the portal derives it the same way so "mine" is right from
// the first page. Pure; shared by the simulator and the browser.

/** [Z2] The client name the controller derives from an external user name. */
export function deriveClientName(username: string): string {
  let rest = username;
  const serviceAccount = /^[^:]*:system:serviceaccount:([^:]+:[^:]+)$/.exec(username);
  if (serviceAccount !== null) rest = serviceAccount[1] ?? "";
  else if (username.includes(":")) rest = username.slice(username.indexOf(":") + 1);
  const cleaned = rest
    .toLowerCase()
    .replace(/[^-a-z0-9]/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-+|-+$/g, "");
  return cleaned.slice(0, 63).replace(/-+$/, "");
}

/** [H3] Internal tokens (the literal "internal:" prefix) and service-account users must name their Client. */
export function namesItsClient(username: string): boolean {
  return username.startsWith("internal:") || /^[^:]*:system:serviceaccount:[^:]+:[^:]+$/.test(username);
}
