// A lease's state (derived from its conditions) as a coloured label with
// words; the reason in words goes in the tooltip-free `detail` line callers show.
import {
  BanIcon,
  CheckCircleIcon,
  ClockIcon,
  ExclamationCircleIcon,
  HourglassHalfIcon,
  InProgressIcon,
  OutlinedClockIcon,
} from "@patternfly/react-icons";
import type { ReactNode } from "react";
import { StaticLabel } from "@/components/static-label";
import type { LeaseState } from "@/domain/lease-status";

/**
 * The states a label shows: the conditions' ([L5]) plus two the exporter's
 * status tells: "starting" (a board is assigned and runs its beforeLease
 * hook, [L6]) and "hook-failed" (the exporter ended the lease because that
 * hook failed, [RL4]).
 */
export type LeaseLabelState = LeaseState | "starting" | "hook-failed";

type LabelColor = "purple" | "orange" | "green" | "red" | "grey" | "teal";

const LOOK: Readonly<Record<LeaseLabelState, { color: LabelColor; icon: ReactNode }>> = {
  scheduled: { color: "purple", icon: <OutlinedClockIcon /> },
  pending: { color: "orange", icon: <HourglassHalfIcon /> },
  starting: { color: "teal", icon: <InProgressIcon /> },
  ready: { color: "green", icon: <CheckCircleIcon /> },
  unsatisfiable: { color: "red", icon: <ExclamationCircleIcon /> },
  invalid: { color: "red", icon: <ExclamationCircleIcon /> },
  "hook-failed": { color: "red", icon: <ExclamationCircleIcon /> },
  expired: { color: "grey", icon: <ClockIcon /> },
  released: { color: "grey", icon: <BanIcon /> },
  ended: { color: "grey", icon: <BanIcon /> },
};

export interface LeaseStatusLabelProps {
  readonly state: LeaseLabelState;
  /** The words on the label, usually LeaseStatus.label ("Pending"). */
  readonly text: string;
  readonly isCompact?: boolean;
}

export function LeaseStatusLabel({ state, text, isCompact = false }: LeaseStatusLabelProps) {
  const look = LOOK[state];
  return (
    <StaticLabel color={look.color} icon={look.icon} isCompact={isCompact}>
      {text}
    </StaticLabel>
  );
}
