// "12 exporters: 5 available, 4 leased, 2 offline...": each count also filters the list.
import { EXPORTER_STATE_KINDS, EXPORTER_STATE_NAMES, type ExporterStateKind } from "@/components/exporter-status";
import { StaticLabel } from "@/components/static-label";
import type { StateCounts } from "@/features/exporters/exporter-rows";
import { totalWords } from "@/features/exporters/total-words";

type LabelColor = "green" | "blue" | "teal" | "red" | "grey" | "orange";
const COLORS: Readonly<Record<ExporterStateKind, LabelColor>> = {
  available: "green",
  leased: "blue",
  "hook-running": "teal",
  "hook-failed": "red",
  offline: "grey",
  disabled: "orange",
  unknown: "grey",
};

export interface ExporterSummaryProps {
  readonly total: number;
  readonly counts: StateCounts;
  /** How many rows the search and status filter leave on screen. */
  readonly shown: number;
  readonly status: ExporterStateKind | undefined;
  readonly onStatusChange: (status: ExporterStateKind | undefined) => void;
  /** The first pages only are in: the rest is on its way ("loading") or failed to come ("failed"). */
  readonly rest?: "loading" | "failed";
}

export function ExporterSummary({ total, counts, shown, status, onStatusChange, rest }: ExporterSummaryProps) {
  return (
    <ul className="portal-summary" aria-label="Exporters by status">
      <li className="portal-summary__total" {...(rest === "loading" ? { "aria-busy": true } : {})}>
        {totalWords(total, rest)}
      </li>
      {EXPORTER_STATE_KINDS.filter((k) => counts[k] > 0 || k === "available" || k === "leased" || k === "offline").map((k) => {
        const active = status === k;
        return (
          <li key={k}>
            {/* A real toggle button around the label: PatternFly's clickable label cannot carry aria-pressed. */}
            <button
              type="button"
              className="portal-summary__toggle"
              aria-pressed={active}
              title={active ? "Show every status" : `Show only ${EXPORTER_STATE_NAMES[k].toLowerCase()} exporters`}
              onClick={() => onStatusChange(active ? undefined : k)}
            >
              <StaticLabel color={COLORS[k]} variant={active ? "filled" : "outline"}>
                {`${counts[k]} ${EXPORTER_STATE_NAMES[k].toLowerCase()}`}
              </StaticLabel>
            </button>
          </li>
        );
      })}
      {shown !== total && <li className="portal-muted">{`${shown} shown`}</li>}
    </ul>
  );
}
