// Rendered once by the app shell: watches my active leases (the same cache
// entry as the lease list) and raises a toast when one becomes Ready, and a
// warning, once, when one has less than 10 minutes left. The toasts live
// outside the router, so their buttons call back into this component.
import { callUnaryMethod, useTransport } from "@connectrpc/connect-query";
import { Button } from "@patternfly/react-core";
import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import { useToasts } from "@/components/toasts";
import { MINUTE_MS } from "@/domain/durations";
import { clientName, shortName } from "@/domain/resource-names";
import { ClientService, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { extendRequest, leaseSubject } from "@/features/leases/lease-changes";
import { collectNotices, INITIAL_NOTICE_STATE, type LeaseNotice, type NoticeState } from "@/features/leases/lease-notices";
import { shellCommand } from "@/features/leases/shell-command";
import { useChangeLeaseTime } from "@/features/leases/use-change-lease-time";
import { useLeaseList } from "@/features/leases/use-lease-list";
import { errorMessage } from "@/lib/errors";
import { formatAbsolute } from "@/lib/format-date";
import { useSession } from "@/lib/session-context";
import { useNow } from "@/lib/use-now";

export function LeaseNotifications(): null {
  const session = useSession();
  const toasts = useToasts();
  const navigate = useNavigate();
  const now = useNow();
  const leases = useLeaseList(true, "");
  // mutate is stable across renders (the result object is not).
  const { mutate: changeTime } = useChangeLeaseTime();
  const transport = useTransport();
  const state = useRef<NoticeState>(INITIAL_NOTICE_STATE);
  const me = clientName(session.namespace, session.clientName);

  useEffect(() => {
    const data = leases.data;
    if (data === undefined) return;
    const result = collectNotices(state.current, data.leases, me, now);
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

    for (const notice of result.notices) toasts.push(toastFor(notice, open(notice.lease), extend));
  }, [leases.data, now, me, navigate, toasts, changeTime, transport]);

  return null;
}

function toastFor(notice: LeaseNotice, open: () => void, extend: (lease: Lease, toastKey: string) => () => void) {
  const lease = notice.lease;
  const name = shortName(lease.name);
  const subject = leaseSubject(lease);
  const key = `notice:${notice.key}`;
  if (notice.kind === "ready") {
    return {
      variant: "success" as const,
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
    variant: "warning" as const,
    key,
    title: `${subject} has less than 10 minutes left`,
    timeoutMs: 0,
    body: (
      <>
        <p>{`Lease ${name} ends ${formatAbsolute(notice.endMs)}.`}</p>
        <p className="portal-toast-actions">
          <Button variant="secondary" size="sm" onClick={extend(lease, key)}>
            +30 min
          </Button>{" "}
          <Button variant="link" isInline onClick={open}>
            Open the lease
          </Button>
        </p>
      </>
    ),
  };
}
