// An exporter's state as a coloured label with an icon and words, so colour
// is never the only signal.
import {
  BanIcon,
  CheckCircleIcon,
  DisconnectedIcon,
  ExclamationCircleIcon,
  InProgressIcon,
  LockIcon,
  QuestionCircleIcon,
} from "@patternfly/react-icons";
import type { ReactNode } from "react";
import { exporterState, type ExporterStateInput, type ExporterStateKind } from "@/components/exporter-status";
import { StaticLabel } from "@/components/static-label";

type LabelColor = "green" | "blue" | "grey" | "orange" | "teal" | "red";

const LOOK: Readonly<Record<ExporterStateKind, { color: LabelColor; icon: ReactNode }>> = {
  available: { color: "green", icon: <CheckCircleIcon /> },
  leased: { color: "blue", icon: <LockIcon /> },
  "hook-running": { color: "teal", icon: <InProgressIcon /> },
  "hook-failed": { color: "red", icon: <ExclamationCircleIcon /> },
  offline: { color: "grey", icon: <DisconnectedIcon /> },
  disabled: { color: "orange", icon: <BanIcon /> },
  unknown: { color: "grey", icon: <QuestionCircleIcon /> },
};

export interface ExporterStatusLabelProps {
  readonly exporter: ExporterStateInput;
  /** An active lease holds it ([S6]). */
  readonly held?: boolean;
  readonly isCompact?: boolean;
}

/** The state's words on the label; its detail (the controller's status message) on hover. */
export function ExporterStatusLabel({ exporter, held = false, isCompact = false }: ExporterStatusLabelProps) {
  const state = exporterState(exporter, { held });
  const look = LOOK[state.kind];
  return (
    <StaticLabel color={look.color} icon={look.icon} isCompact={isCompact} {...(state.detail === undefined ? {} : { title: state.detail })}>
      {state.text}
    </StaticLabel>
  );
}
