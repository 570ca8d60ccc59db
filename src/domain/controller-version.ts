// What the controller supports, judged only by the fields its answers carry
// ([V5]: there is no version RPC, and RotateToken must never be used as a
// probe, it rotates). `enabled` is on every exporter from 0.9 on ([O5]);
// 0.8 and older lack it, and also drop lease tags and allow_disabled
// silently ([V1], [V3]).

import type { Exporter } from "../gen/jumpstarter/client/v1/client_pb.js";

/**
 * True when the controller keeps lease tags (0.9 or later), false when it
 * is older, undefined while no exporter tells.
 */
export function keepsLeaseTags(exporters: readonly Exporter[]): boolean | undefined {
  if (exporters.length === 0) return undefined;
  return exporters.some((e) => e.enabled !== undefined);
}
