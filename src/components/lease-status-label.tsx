// A lease's state (derived from its conditions) as a coloured label with
// words; the reason in words goes in the tooltip-free `detail` line callers show.
import {
  BanIcon,
  CheckCircleIcon,
  ClockIcon,
  ExclamationCircleIcon,
  HourglassHalfIcon,
  OutlinedClockIcon,
} from "@patternfly/react-icons";
import type { ReactNode } from "react";
import { StaticLabel } from "@/components/static-label";
import type { LeaseState } from "@/domain/lease-status";

type LabelColor = "purple" | "orange" | "green" | "red" | "grey";

const LOOK: Readonly<Record<LeaseState, { color: LabelColor; icon: ReactNode }>> = {
  scheduled: { color: "purple", icon: <OutlinedClockIcon /> },
  pending: { color: "orange", icon: <HourglassHalfIcon /> },
  ready: { color: "green", icon: <CheckCircleIcon /> },
  unsatisfiable: { color: "red", icon: <ExclamationCircleIcon /> },
  invalid: { color: "red", icon: <ExclamationCircleIcon /> },
  expired: { color: "grey", icon: <ClockIcon /> },
  released: { color: "grey", icon: <BanIcon /> },
  ended: { color: "grey", icon: <BanIcon /> },
};

export interface LeaseStatusLabelProps {
  readonly state: LeaseState;
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
