// What the holder can do with an active lease: +30 min and +1 h in one
// click (optimistic), release after a confirmation (optimistic), and on the
// lease page a custom change of the end, a change of the start while no
// board was ever assigned ([U6]), and a transfer while it holds one ([TR1]).
// Refusals come back as toasts with the controller's words, after the view
// has rolled back.
import { Button } from "@/components/button/button";
import { CalendarAltIcon, OutlinedClockIcon, PlusCircleIcon, UserIcon } from "@patternfly/react-icons";
import { useState } from "react";
import { Flex, FlexItem } from "@/components/flex";
import { useToasts } from "@/components/toasts";
import { HOUR_MS, MINUTE_MS } from "@/domain/durations";
import { leaseEndMs } from "@/domain/lease-status";
import { shortName } from "@/domain/resource-names";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { canMoveBegin, extendRequest, leaseSubject, transferProblem } from "@/features/leases/lease-changes";
import { ChangeEndModal, ChangeStartModal, LeaseModalSlot, preloadLeaseModals, ReleaseModal, TransferModal } from "@/features/leases/lease-modals";
import { useChangeLeaseTime } from "@/features/leases/use-change-lease-time";
import { useReleaseLease } from "@/features/leases/use-release-lease";
import { errorKind, errorMessage } from "@/lib/errors";
import { formatClockTime } from "@/lib/format-date";
import { useNow } from "@/lib/use-now";

export interface LeaseActionsProps {
  /** An active lease of the signed-in client (the caller checks). */
  readonly lease: Lease;
  /** "row": the quick ones, compact; "page": all of them. */
  readonly layout: "row" | "page";
}

const QUICK_EXTENSIONS = [
  { label: "+30 min", ms: 30 * MINUTE_MS, words: "30 min" },
  { label: "+1 h", ms: HOUR_MS, words: "1 h" },
] as const;

/** The extension planned at the moment of the click (the lease may have changed since render). */
function extendFromNow(lease: Lease, ms: number) {
  return extendRequest(lease, ms, Date.now());
}

export function LeaseActions({ lease, layout }: LeaseActionsProps) {
  const toasts = useToasts();
  const change = useChangeLeaseTime();
  const release = useReleaseLease();
  const now = useNow();
  const [open, setOpen] = useState<"release" | "change" | "start" | "transfer" | null>(null);
  const subject = leaseSubject(lease);
  const name = shortName(lease.name);
  const busy = change.isPending || release.isPending;
  const compact = layout === "row";
  const movableStart = canMoveBegin(lease, now);
  const transferable = transferProblem(lease, now) === undefined;

  const extend = (ms: number, words: string): void => {
    const plan = extendFromNow(lease, ms);
    if (!plan.ok) {
      toasts.push({ variant: "danger", key: `change:${lease.name}`, title: `${subject} was not extended`, body: plan.message });
      return;
    }
    change.mutate(plan.request, {
      onSuccess: (updated) => {
        const end = leaseEndMs(updated);
        toasts.push({
          variant: "success",
          key: `change:${lease.name}`,
          title: `${subject} extended by ${words}`,
          ...(end === undefined ? {} : { body: `It now ends at ${formatClockTime(end, Date.now())}.` }),
        });
      },
      onError: (error) => {
        toasts.push({ variant: "danger", key: `change:${lease.name}`, title: `${subject} was not extended`, body: errorMessage(error), timeoutMs: 0 });
      },
    });
  };

  const confirmRelease = (): void => {
    setOpen(null);
    release.mutate(lease, {
      onSuccess: () => toasts.push({ variant: "success", key: `release:${lease.name}`, title: `${subject} released`, body: `Lease ${name} has ended.` }),
      onError: (error) =>
        errorKind(error) === "already-released"
          ? toasts.push({ variant: "info", key: `release:${lease.name}`, title: `${subject} was already released`, body: errorMessage(error) })
          : toasts.push({ variant: "danger", key: `release:${lease.name}`, title: `${subject} was not released`, body: errorMessage(error), timeoutMs: 0 }),
    });
  };

  return (
    <>
      {/* The dialogs' code is asked for when a pointer or the focus comes near. */}
      <Flex
        gap={{ default: compact ? "gapXs" : "gapSm" }}
        flexWrap={{ default: compact ? "nowrap" : "wrap" }}
        className="portal-lease-actions"
        onPointerEnter={() => preloadLeaseModals(layout)}
        onFocus={() => preloadLeaseModals(layout)}
      >
        {QUICK_EXTENSIONS.map((q) => (
          <FlexItem key={q.label}>
            <Button
              variant="secondary"
              size={compact ? "sm" : "default"}
              icon={compact ? undefined : <PlusCircleIcon />}
              isDisabled={busy}
              onClick={() => extend(q.ms, q.words)}
            >
              {q.label}
            </Button>
          </FlexItem>
        ))}
        {!compact && (
          <>
            <FlexItem>
              <Button variant="secondary" icon={<OutlinedClockIcon />} isDisabled={busy} onClick={() => setOpen("change")}>
                Change end
              </Button>
            </FlexItem>
            {movableStart && (
              <FlexItem>
                <Button variant="secondary" icon={<CalendarAltIcon />} isDisabled={busy} onClick={() => setOpen("start")}>
                  Change start
                </Button>
              </FlexItem>
            )}
            {transferable && (
              <FlexItem>
                <Button variant="secondary" icon={<UserIcon />} isDisabled={busy} onClick={() => setOpen("transfer")}>
                  Transfer
                </Button>
              </FlexItem>
            )}
          </>
        )}
        <FlexItem>
          <Button variant={compact ? "link" : "secondary"} isDanger size={compact ? "sm" : "default"} isDisabled={busy} onClick={() => setOpen("release")}>
            Release
          </Button>
        </FlexItem>
      </Flex>
      {open !== null && (
        <LeaseModalSlot>
          {open === "release" && (
            <ReleaseModal
              isOpen
              subject={subject}
              leaseName={name}
              holdsBoard={(lease.exporter ?? "") !== ""}
              onConfirm={confirmRelease}
              onCancel={() => setOpen(null)}
            />
          )}
          {open === "change" && <ChangeEndModal lease={lease} onClose={() => setOpen(null)} />}
          {open === "start" && <ChangeStartModal lease={lease} onClose={() => setOpen(null)} />}
          {open === "transfer" && <TransferModal lease={lease} onClose={() => setOpen(null)} />}
        </LeaseModalSlot>
      )}
    </>
  );
}
