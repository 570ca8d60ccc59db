/** "the demo provider did not answer" → "The demo provider did not answer": a name that starts a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
