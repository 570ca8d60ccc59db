// Whether a click on a link is one the app should handle itself (a plain
// primary click) rather than leave to the browser (new tab, new window,
// download). Lists render plain anchors instead of the router's Link, whose
// per-link hooks cost too much when thousands of rows scroll by.

export interface ClickLike {
  readonly button: number;
  readonly metaKey: boolean;
  readonly ctrlKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly defaultPrevented: boolean;
}

export function isPlainClick(e: ClickLike): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey && !e.defaultPrevented;
}
