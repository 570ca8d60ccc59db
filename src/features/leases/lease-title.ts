// What a lease is called on screen: what a person recognises — the board it
// holds (or held), the board it asks for by name, or its selector — not its
// UUID, which stays available to copy. Pure.
import { shortName } from "@/domain/resource-names";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { hasSelector } from "@/features/leases/lease-situation";

export interface LeaseTitle {
  readonly text: string;
  /** board: the one it got; asked-board: the one it names, not assigned yet; selector: no board yet; name: nothing else to go by. */
  readonly kind: "board" | "asked-board" | "selector" | "name";
  /** The selector it asked by, when the title is the board it got through it. */
  readonly via?: string;
}

export function leaseTitle(lease: Lease): LeaseTitle {
  const board = shortName(lease.exporter ?? "");
  const selector = hasSelector(lease) ? lease.selector : undefined;
  if (board !== "") return selector === undefined ? { text: board, kind: "board" } : { text: board, kind: "board", via: selector };
  const asked = lease.exporterName ?? "";
  if (asked !== "") return { text: asked, kind: "asked-board" };
  if (selector !== undefined) return { text: selector, kind: "selector" };
  return { text: shortName(lease.name), kind: "name" };
}

/** "team=bsp, build=12": a lease's tags in one line. */
export function tagsText(lease: Lease): string {
  return Object.entries(lease.tags)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}

/**
 * One line naming the lease in full, for the document title and the
 * accessible names of its controls: "rcar-s4-01 (team=bsp)", "bob's
 * board=rpi5". `holder` is the holder's client name, or undefined for mine.
 */
export function leaseLongTitle(lease: Lease, holder: string | undefined): string {
  const title = leaseTitle(lease);
  const tags = tagsText(lease);
  const owned = holder === undefined ? title.text : `${holder}'s ${title.text}`;
  return tags === "" ? owned : `${owned} (${tags})`;
}
