// A field whose text lives in the URL: what is typed shows at once, and is
// written to the URL a moment after typing stops (only when `valid`), so a
// keystroke costs the field's own redraw and not a navigation of the whole
// app. A change of the URL from elsewhere (back, a shared link, "Clear
// filters") replaces the text; our own write does not, because `seen` moves
// first.
import { useEffect, useState } from "react";

export function useTypedParam(urlValue: string, write: (value: string) => void, valid: (value: string) => boolean, delayMs: number) {
  const [text, setText] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  if (urlValue !== seen) {
    setSeen(urlValue);
    setText(urlValue);
  }
  const ok = valid(text);
  useEffect(() => {
    if (!ok || text === urlValue) return;
    const timer = setTimeout(() => {
      setSeen(text);
      write(text);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [ok, text, urlValue, write, delayMs]);
  return [text, setText] as const;
}
