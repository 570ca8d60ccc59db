// Rendered once by the app shell: watches my active leases (the same cache
// entry as the lease list) and raises a toast when one becomes Ready — once
// its board is past its beforeLease hook, read from the same GetExporter
// entry the lease page reads, so the toast and the page say the same — and
// a warning, once, when one has less than 10 minutes left. A "ready" toast
// also refreshes that lease's page data. The toasts live outside the router,
// so their buttons call back into this component.
import "@/features/leases/leases.css";
import { callUnaryMethod, createQueryOptions, useTransport } from "@connectrpc/connect-query";
import { Button } from "@/components/button/button";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { useLocation, useNavigate } from "react-router";
import { useToasts, type Toast } from "@/components/toasts";
import { MINUTE_MS } from "@/domain/durations";
import { assignedAtMs, leaseStatus } from "@/domain/lease-status";
import { clientName, shortName } from "@/domain/resource-names";
import { formatTimeLeft } from "@/domain/time-words";
import { ClientService, type Exporter, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";
import { extendRequest, leaseSubject } from "@/features/leases/lease-changes";
import { boardReadiness, collectNotices, INITIAL_NOTICE_STATE, type LeaseNotice, type NoticeState } from "@/features/leases/lease-notices";
import { leaseQueryKey } from "@/lib/lease-queries";
import { shellCommand } from "@/features/leases/shell-command";
import { useChangeLeaseTime } from "@/features/leases/use-change-lease-time";
import { useLeaseList } from "@/lib/use-lease-list";
import { LEASES_POLL_MS, WAITING_LEASE_POLL_MS } from "@/lib/config";
import { errorMessage } from "@/lib/errors";
import { formatClockTime } from "@/lib/format-date";
import { useSession } from "@/lib/session-context";
import { useNow } from "@/lib/use-now";

/**
 * A board assigned longer ago than this is taken as past its beforeLease
 * hook without asking (hooks take seconds to minutes): only recently
 * assigned leases are read, so a long-held lease costs no calls.
 */
export const HOOK_WATCH_MS = 10 * MINUTE_MS;

/** My Ready leases assigned within HOOK_WATCH_MS: the boards worth reading before saying "ready". */
export function boardsToWatch(leases: readonly Lease[], myClient: string, nowMs: number): string[] {
  const names = new Set<string>();
  for (const l of leases) {
    if (l.client !== myClient || (l.exporter ?? "") === "" || leaseStatus(l, nowMs).state !== "ready") continue;
    const at = assignedAtMs(l);
    if (at !== undefined && nowMs - at < HOOK_WATCH_MS) names.add(l.exporter ?? "");
  }
  return [...names].sort();
}

/** The read exporters by resource name (outside the component, so useQueries keeps the result while nothing changed). */
function byExporterName(results: readonly { data?: Exporter | undefined }[]): ReadonlyMap<string, Exporter> {
  return new Map(results.flatMap((r) => (r.data === undefined ? [] : [[r.data.name, r.data] as const])));
}

export function LeaseNotifications(): null {
  const session = useSession();
  const toasts = useToasts();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const now = useNow();
  const leases = useLeaseList(true, "");
  // mutate is stable across renders (the result object is not).
  const { mutate: changeTime } = useChangeLeaseTime();
  const transport = useTransport();
  const queryClient = useQueryClient();
  const state = useRef<NoticeState>(INITIAL_NOTICE_STATE);
  const me = clientName(session.namespace, session.clientName);

  const watched = useMemo(() => boardsToWatch(leases.data?.leases ?? [], me, now), [leases.data, me, now]);
  const watchedKey = watched.join(",");
  const boards = useQueries({
    queries: watched.map((name) => ({
      ...createQueryOptions(ClientService.method.getExporter, { name }, { transport }),
      refetchInterval: (query: { state: { data: Exporter | undefined } }) => (query.state.data?.status === ExporterStatus.BEFORE_LEASE_HOOK ? WAITING_LEASE_POLL_MS : LEASES_POLL_MS),
    })),
    combine: byExporterName,
  });

  useEffect(() => {
    const data = leases.data;
    if (data === undefined) return;
    const watchedNow = new Set(watchedKey.split(","));
    const readiness = (lease: Lease) => (watchedNow.has(lease.exporter ?? "") ? boardReadiness(lease, boards.get(lease.exporter ?? "")) : "ready");
    // Leases assigned since the page loaded are news even on the watcher's first list (it starts after the first paint).
    const result = collectNotices(state.current, data.leases, me, now, readiness, performance.timeOrigin);
    state.current = result.state;
    if (result.notices.length === 0) return;

    const open = (lease: Lease) => () => void navigate(`/leases/${encodeURIComponent(shortName(lease.name))}`);
    const extend = (raised: Lease, toastKey: string) => (): void => {
      const subject = leaseSubject(raised);
      const fail = (body: string): void => toasts.push({ variant: "danger", key: toastKey, title: `${subject} was not extended`, body, timeoutMs: 0 });
      // The toast may be old: the [U13] recipes send absolute times, so plan from the lease as it is now.
      callUnaryMethod(transport, ClientService.method.getLease, { name: raised.name }).then(
        (lease) => {
          const plan = extendRequest(lease, 30 * MINUTE_MS, Date.now());
          if (!plan.ok) return fail(plan.message);
          changeTime(plan.request, {
            onSuccess: () => toasts.push({ variant: "success", key: toastKey, title: `${subject} extended by 30 min` }),
            onError: (error) => fail(errorMessage(error)),
          });
        },
        (error: unknown) => fail(errorMessage(error)),
      );
    };

    for (const notice of result.notices) {
      if (notice.kind === "ready") {
        // The page of this lease must say Ready too: give it the list's copy if it still says otherwise, and read it again.
        const key = leaseQueryKey(transport, notice.lease.name);
        const cached = queryClient.getQueryData<Lease>(key);
        if (cached !== undefined && leaseStatus(cached, now).state !== "ready") queryClient.setQueryData(key, notice.lease);
        void queryClient.invalidateQueries({ queryKey: key });
      }
      const onItsPage = pathname === `/leases/${encodeURIComponent(shortName(notice.lease.name))}`;
      toasts.push(toastFor(notice, now, onItsPage, open(notice.lease), extend));
    }
  }, [leases.data, now, me, navigate, toasts, changeTime, transport, queryClient, watchedKey, boards, pathname]);

  return null;
}

function toastFor(notice: LeaseNotice, nowMs: number, onItsPage: boolean, open: () => void, extend: (lease: Lease, toastKey: string) => () => void): Toast {
  const lease = notice.lease;
  const name = shortName(lease.name);
  const subject = leaseSubject(lease);
  const key = `notice:${notice.key}`;
  if (notice.kind === "ready") {
    // On the lease's own page, which shows the command, the title is all it needs.
    if (onItsPage) return { variant: "success", key, title: `${subject} is ready`, timeoutMs: 8_000 };
    return {
      variant: "success",
      key,
      title: `${subject} is ready`,
      timeoutMs: 15_000,
      body: (
        <>
          <p className="portal-toast-code">
            <code>{shellCommand(name)}</code>
          </p>
          <p className="portal-toast-actions">
            {"Run it in a terminal on your machine. "}
            <Button variant="link" isInline onClick={open}>
              Open the lease
            </Button>
          </p>
        </>
      ),
    };
  }
  return {
    variant: "warning",
    key,
    title: `${subject}: ${formatTimeLeft(notice.endMs - nowMs)}`,
    timeoutMs: 0,
    body: (
      <>
        <p>{`The lease ends at ${formatClockTime(notice.endMs, nowMs)}.`}</p>
        <p className="portal-toast-actions">
          <Button variant="secondary" size="sm" onClick={extend(lease, key)}>
            +30 min
          </Button>{" "}
          {!onItsPage && (
            <Button variant="link" isInline onClick={open}>
              Open the lease
            </Button>
          )}
        </p>
      </>
    ),
  };
}
