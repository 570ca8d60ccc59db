// The typed selector with the part its problem is about marked (a mark at
// the end when the text stops short), under a selector field.
import type { SelectorError } from "@/domain/selector";

export function SelectorPointer({ text, error }: { text: string; error: SelectorError }) {
  const start = Math.min(error.position, text.length);
  const end = Math.min(text.length, start + error.length);
  const bad = text.slice(start, end);
  return (
    <p className="portal-selector-caret" aria-hidden>
      {text.slice(0, start)}
      <span className="portal-selector-caret__bad">{bad === "" ? "␣" : bad}</span>
      {text.slice(end)}
    </p>
  );
}
