// A lease's state as a label (colour, icon, words) plus, where it matters,
// why: what it waits for, why it ended, the controller's message.
import { LeaseStatusLabel } from "@/components/lease-status-label";
import type { LeaseSituation } from "@/features/leases/lease-situation";

export interface LeaseStatusTextProps {
  readonly situation: LeaseSituation;
  readonly isCompact?: boolean;
  /** One more line, such as who holds the board it waits for. */
  readonly hint?: string | undefined;
}

/** The states whose detail says something the label does not. */
export function statusNeedsDetail(situation: LeaseSituation): boolean {
  return situation.state !== "ready" && situation.state !== "expired" && situation.state !== "released";
}

export function LeaseStatusText({ situation, isCompact = false, hint }: LeaseStatusTextProps) {
  return (
    <span className="portal-lease-status">
      <LeaseStatusLabel state={situation.state} text={situation.label} isCompact={isCompact} />
      {statusNeedsDetail(situation) && <span className="portal-lease-status__detail">{situation.detail}</span>}
      {hint !== undefined && <span className="portal-lease-status__detail">{hint}</span>}
    </span>
  );
}
