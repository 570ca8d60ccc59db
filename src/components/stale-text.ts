// The words of the stale-data banner. Pure, so they are tested alone.
import { formatDuration } from "@/domain/durations";
import { errorMessage } from "@/lib/errors";

/** "Showing data from 45 s ago — <reason>. Retrying automatically." */
export function staleText(dataUpdatedAt: number, nowMs: number, error: unknown): string {
  const age = Math.max(0, nowMs - dataUpdatedAt);
  const ageText = age < 60_000 ? `${Math.floor(age / 1_000)} s` : formatDuration(age);
  return `Showing data from ${ageText} ago — ${errorMessage(error)} Retrying automatically.`;
}
