// Extend or shorten by any amount, set a new end, or set a new length (the
// begin kept): the custom change behind "+30 min" and "+1 h". Checked as you
// type with the controller's rules ([U12]); the controller's refusal is
// shown here, and nothing typed is lost.
import { Modal, ModalBody, ModalHeader } from "@patternfly/react-core";
import { Radio } from "@/components/form/choice";
import { TextInput } from "@/components/form/text-input";
import { HelperTextItem, HelperText } from "@/components/form/helper-text";
import { FormHelperText, FormGroup, Form } from "@/components/form/form";
import { useState, type FormEvent } from "react";
import { durationToMs, formatDuration, formatRelative, HOUR_MS, parseDuration } from "@/domain/durations";
import { leaseEndMs } from "@/domain/lease-status";
import { shortName } from "@/domain/resource-names";
import { formatBookedDuration } from "@/domain/time-words";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { useToasts } from "@/components/toasts";
import { ControllerRefusal, SubmitFooter } from "@/features/leases/lease-form-modal-parts";
import { extendRequest, leaseSubject, setEndRequest, setLengthRequest, type ChangeResult } from "@/features/leases/lease-changes";
import { formatLocalDateTime, parseLocalDateTime } from "@/domain/local-date-time";
import { useChangeLeaseTime } from "@/features/leases/use-change-lease-time";
import { formatClockTime } from "@/lib/format-date";
import { useNow } from "@/lib/use-now";

type ChangeKind = "extend" | "shorten" | "end" | "length";

export interface ChangeEndModalProps {
  readonly lease: Lease;
  readonly onClose: () => void;
}

function planned(lease: Lease, kind: ChangeKind, amount: string, endAt: string, length: string, nowMs: number): ChangeResult {
  if (kind === "end") {
    const end = parseLocalDateTime(endAt);
    if (end === undefined) return { ok: false, message: "Enter the date and time the lease should end" };
    return setEndRequest(lease, end, nowMs);
  }
  const parsed = parseDuration(kind === "length" ? length : amount);
  if (!parsed.ok) return { ok: false, message: parsed.message.charAt(0).toUpperCase() + parsed.message.slice(1) };
  if (kind === "length") return setLengthRequest(lease, parsed.ms, nowMs);
  return extendRequest(lease, kind === "extend" ? parsed.ms : -parsed.ms, nowMs);
}

/** How the text field of each kind is labelled. */
const AMOUNT_LABELS: Readonly<Record<Exclude<ChangeKind, "end">, string>> = { extend: "Extend by", shorten: "Shorten by", length: "New length" };

/** Mount it only while open: each opening starts from fresh values. */
export function ChangeEndModal({ lease, onClose }: ChangeEndModalProps) {
  const now = useNow();
  const toasts = useToasts();
  const change = useChangeLeaseTime();
  const name = shortName(lease.name);
  const subject = leaseSubject(lease);
  const [kind, setKind] = useState<ChangeKind>("extend");
  const [amount, setAmount] = useState("30m");
  const [endAt, setEndAt] = useState(() => formatLocalDateTime((leaseEndMs(lease) ?? Date.now()) + HOUR_MS));
  const [length, setLength] = useState(() => formatDuration(durationToMs(lease.duration) ?? HOUR_MS, { seconds: true }).replace(/ /g, ""));
  const [touched, setTouched] = useState(false);

  const plan = planned(lease, kind, amount, endAt, length, now);
  const showProblem = !plan.ok && touched;
  const titleId = `change-end-${name}-title`;

  const submit = (e?: FormEvent): void => {
    e?.preventDefault();
    setTouched(true);
    const fresh = planned(lease, kind, amount, endAt, length, Date.now());
    if (!fresh.ok) return;
    change.mutate(fresh.request, {
      onSuccess: (updated) => {
        const end = leaseEndMs(updated);
        toasts.push({
          variant: "success",
          key: `change:${lease.name}`,
          title: `${subject}: the lease end changed`,
          ...(end === undefined ? {} : { body: `It now ends at ${formatClockTime(end, Date.now())}.` }),
        });
        onClose();
      },
    });
  };

  return (
    <Modal isOpen onClose={onClose} variant="small" aria-labelledby={titleId}>
      <ModalHeader title={`Change the end of ${subject}`} labelId={titleId} description={`Lease ${name}`} />
      <ModalBody>
        <Form id="change-end-form" onSubmit={submit}>
          <FormGroup role="radiogroup" isInline fieldId="change-end-kind" label="Change">
            <Radio id="change-end-extend" name="change-end-kind" label="Extend by" isChecked={kind === "extend"} onChange={() => setKind("extend")} />
            <Radio id="change-end-shorten" name="change-end-kind" label="Shorten by" isChecked={kind === "shorten"} onChange={() => setKind("shorten")} />
            <Radio id="change-end-end" name="change-end-kind" label="Set a new end" isChecked={kind === "end"} onChange={() => setKind("end")} />
            <Radio id="change-end-length" name="change-end-kind" label="Set a new length" isChecked={kind === "length"} onChange={() => setKind("length")} />
          </FormGroup>
          {kind === "end" ? (
            <FormGroup label="New end" fieldId="change-end-at">
              <TextInput
                id="change-end-at"
                type="datetime-local"
                value={endAt}
                onChange={(_e, v) => {
                  setEndAt(v);
                  setTouched(true);
                }}
                validated={showProblem ? "error" : "default"}
                aria-describedby="change-end-message"
              />
            </FormGroup>
          ) : (
            <FormGroup label={AMOUNT_LABELS[kind]} fieldId="change-end-amount">
              <TextInput
                id="change-end-amount"
                value={kind === "length" ? length : amount}
                onChange={(_e, v) => {
                  if (kind === "length") setLength(v);
                  else setAmount(v);
                  setTouched(true);
                }}
                validated={showProblem ? "error" : "default"}
                aria-describedby="change-end-message"
                placeholder="30m, 1h, 1h30m, 2d"
                autoComplete="off"
                spellCheck={false}
              />
            </FormGroup>
          )}
          <FormHelperText>
            <HelperText id="change-end-message" isLiveRegion>
              {!plan.ok ? (
                <HelperTextItem variant={showProblem ? "error" : "default"}>{plan.message}</HelperTextItem>
              ) : plan.newEndMs === undefined ? (
                <HelperTextItem>The lease is still waiting for a board: its length changes, its end follows once it starts.</HelperTextItem>
              ) : (
                <HelperTextItem>
                  {`The lease will end at ${formatClockTime(plan.newEndMs, now)} (${formatRelative(plan.newEndMs, now)}`}
                  {leaseEndMs(lease) !== undefined && `, ${plan.newEndMs >= (leaseEndMs(lease) ?? 0) ? "+" : "−"}${formatBookedDuration(Math.abs(plan.newEndMs - (leaseEndMs(lease) ?? 0)))}`}
                  {")."}
                </HelperTextItem>
              )}
            </HelperText>
          </FormHelperText>
          {change.isError && <ControllerRefusal title="The controller did not change the lease" error={change.error} />}
        </Form>
      </ModalBody>
      <SubmitFooter formId="change-end-form" label="Change end" isPending={change.isPending} onCancel={onClose} />
    </Modal>
  );
}
