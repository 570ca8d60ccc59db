// A lease's state as a label (colour, icon, words) plus, where it matters,
// why: Pending with its reason in words, Unsatisfiable/Invalid with the
// controller's message, Scheduled with what it waits for.
import { LeaseStatusLabel } from "@/components/lease-status-label";
import type { LeaseStatus } from "@/domain/lease-status";

export interface LeaseStatusTextProps {
  readonly status: LeaseStatus;
  readonly isCompact?: boolean;
}

/** The states whose detail says something the label does not. */
export function statusNeedsDetail(status: LeaseStatus): boolean {
  return status.state === "pending" || status.state === "scheduled" || status.state === "unsatisfiable" || status.state === "invalid" || status.state === "ended";
}

export function LeaseStatusText({ status, isCompact = false }: LeaseStatusTextProps) {
  return (
    <span className="portal-lease-status">
      <LeaseStatusLabel state={status.state} text={status.label} isCompact={isCompact} />
      {statusNeedsDetail(status) && <span className="portal-lease-status__detail">{status.detail}</span>}
    </span>
  );
}
