// A state's icon and colour class: colour is never the only signal, the
// words are beside it (exporter-status's texts).
import { BanIcon, CheckCircleIcon, DisconnectedIcon, ExclamationCircleIcon, InProgressIcon, LockIcon, QuestionCircleIcon } from "@patternfly/react-icons";
import type { ReactNode } from "react";
import type { ExporterStateKind } from "@/components/exporter-status";

export const STATE_ICON: Readonly<Record<ExporterStateKind, ReactNode>> = {
  available: <CheckCircleIcon />,
  leased: <LockIcon />,
  "hook-running": <InProgressIcon />,
  "hook-failed": <ExclamationCircleIcon />,
  offline: <DisconnectedIcon />,
  disabled: <BanIcon />,
  unknown: <QuestionCircleIcon />,
};

export const stateClass = (kind: ExporterStateKind): string => `wall-state-${kind}`;
