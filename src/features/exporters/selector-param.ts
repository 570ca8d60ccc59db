// The exporters page's ?selector= as the page reads it, on its own: the
// router's loader reads it too, to start the page's first calls before the
// page's code has arrived (prefetch-exporters.ts), and must not bring the
// page's other modules into the app's entry.

export function selectorParam(params: URLSearchParams): string {
  return params.get("selector") ?? "";
}
