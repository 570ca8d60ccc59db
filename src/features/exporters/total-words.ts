// The exporter count above the list, which also says when only the first
// pages of a large lab have arrived (issue 13).

/** "5000 exporters", or while pages still come "500 exporters so far, loading the rest…". */
export function totalWords(total: number, rest: "loading" | "failed" | undefined): string {
  const count = total === 1 ? "1 exporter" : `${total} exporters`;
  if (rest === "loading") return `${count} so far, loading the rest…`;
  if (rest === "failed") return `${count} so far; the rest could not be loaded`;
  return count;
}
