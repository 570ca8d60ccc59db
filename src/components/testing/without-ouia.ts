// For the thin copies' markup tests: PatternFly's markup without its OUIA test
// attributes (data-ouia-*), which the portal does not use.
export function withoutOuia(html: string): string {
  return html.replace(/ data-ouia-[a-z-]+="[^"]*"/g, "");
}
