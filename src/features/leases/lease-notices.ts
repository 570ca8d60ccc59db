// Which of my leases deserve a toast: one that became Ready, and one with
// less than 10 minutes left. Each is announced once (remembered by key across
// polls); leases already Ready when the portal opened (assigned before the
// page loaded) are not announced as news, but one already running out is.
// The watcher may start some time after the page loads (it waits for the
// first paint), so a lease assigned since then is still news on its first
// list. "Ready" is what the lease page says
// too: the board is assigned ([L5]) and done with its beforeLease hook
// ([L6]), so a lease whose board still runs it is announced only once the
// hook is over. Pure: the caller keeps the state and reads the boards.
import { MINUTE_MS } from "@/domain/durations";
import { assignedAtMs, leaseExpiryAtMs, leaseStatus } from "@/domain/lease-status";
import type { Exporter, Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";

/** Below this much time left, a held lease gets a warning. */
export const ENDING_SOON_MS = 10 * MINUTE_MS;

export type LeaseNotice =
  | { readonly kind: "ready"; readonly key: string; readonly lease: Lease }
  | { readonly kind: "ending"; readonly key: string; readonly lease: Lease; readonly endMs: number };

export interface NoticeState {
  /** False until the first list is seen: what is Ready then is not news. */
  readonly seeded: boolean;
  /** Keys already announced (or deliberately skipped), for leases still listed. */
  readonly announced: ReadonlySet<string>;
}

export const INITIAL_NOTICE_STATE: NoticeState = { seeded: false, announced: new Set() };

// Lease resource names never contain ":", so the name is the text between the first two.
const readyKey = (lease: Lease): string => `ready:${lease.name}`;
// Keyed by the end too: an extended lease that runs low again is warned again.
const endingKey = (lease: Lease, endMs: number): string => `ending:${lease.name}:${endMs}`;
const keyLease = (key: string): string => key.split(":")[1] ?? "";

/** What a Ready lease's board reports: still in its beforeLease hook, failed it (the lease is ending, [RL4]), past it, or not known yet. */
export type BoardReadiness = "starting" | "failed" | "ready" | "unknown";

/** The board of a Ready lease, from its exporter (GetExporter); undefined while unread. */
export function boardReadiness(lease: Lease, exporter: Exporter | undefined): BoardReadiness {
  if (exporter === undefined || exporter.name !== lease.exporter) return "unknown";
  if (exporter.status === ExporterStatus.BEFORE_LEASE_HOOK) return "starting";
  return exporter.status === ExporterStatus.BEFORE_LEASE_HOOK_FAILED ? "failed" : "ready";
}

/**
 * The controller's times are Kubernetes times, whole seconds: a lease
 * assigned 0.4 s after the portal opened can read as 0.6 s before it.
 */
const CONTROLLER_TIME_PRECISION_MS = 1_000;

/** Whether a lease seen Ready on the first list became so after the portal opened at `openedAtMs` (unknown: taken as before). */
function assignedSince(lease: Lease, openedAtMs: number): boolean {
  const at = assignedAtMs(lease);
  return at !== undefined && at > openedAtMs - CONTROLLER_TIME_PRECISION_MS;
}

/**
 * My Ready leases that are due a "ready" toast once their board is known to
 * be past its beforeLease hook: the caller reads their exporters.
 */
export function awaitingReadyNotice(state: NoticeState, leases: readonly Lease[], myClient: string, nowMs: number, openedAtMs = Infinity): Lease[] {
  return leases.filter(
    (l) => l.client === myClient && !state.announced.has(readyKey(l)) && leaseStatus(l, nowMs).state === "ready" && (state.seeded || assignedSince(l, openedAtMs)),
  );
}

/**
 * The notices due for `leases` (the namespace's active leases) held by
 * `myClient` (a client resource name), and the state to keep for next time.
 * `openedAtMs`: when the portal opened (the page's load); by default, every
 * lease Ready on the first list is taken as older.
 */
export function collectNotices(
  state: NoticeState,
  leases: readonly Lease[],
  myClient: string,
  nowMs: number,
  board: (lease: Lease) => BoardReadiness = () => "ready",
  openedAtMs = Infinity,
): { readonly notices: readonly LeaseNotice[]; readonly state: NoticeState } {
  const notices: LeaseNotice[] = [];
  const announced = new Set<string>();
  const listed = new Set<string>();
  for (const key of state.announced) announced.add(key);

  for (const lease of leases) {
    if (lease.client !== myClient) continue;
    listed.add(lease.name);
    const status = leaseStatus(lease, nowMs);
    if (status.state !== "ready") continue;

    const rk = readyKey(lease);
    if (!announced.has(rk)) {
      if (!state.seeded && !assignedSince(lease, openedAtMs)) announced.add(rk);
      else if (board(lease) === "ready") {
        announced.add(rk);
        notices.push({ kind: "ready", key: rk, lease });
      }
    }

    const endMs = leaseExpiryAtMs(lease);
    if (endMs === undefined) continue;
    const left = endMs - nowMs;
    const ek = endingKey(lease, endMs);
    if (left > 0 && left < ENDING_SOON_MS && !announced.has(ek)) {
      announced.add(ek);
      notices.push({ kind: "ending", key: ek, lease, endMs });
    }
  }

  // Forget leases that left the list (ended, or transferred away): memory stays small over days.
  for (const key of [...announced]) if (!listed.has(keyLease(key))) announced.delete(key);
  return { notices, state: { seeded: true, announced } };
}
