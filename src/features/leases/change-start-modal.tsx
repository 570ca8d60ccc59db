// Moves the start of a lease that never had a board ([U6]: once a board was
// assigned the begin is fixed). A lease booked with an end keeps either its
// length (the end moves too) or its end (it gets shorter or longer) [U13].
// Checked as you type; the controller's refusal is shown here.
import { Modal, ModalBody, ModalHeader } from "@patternfly/react-core";
import { Radio } from "@/components/form/choice";
import { TextInput } from "@/components/form/text-input";
import { HelperTextItem, HelperText } from "@/components/form/helper-text";
import { FormHelperText, FormGroup, Form } from "@/components/form/form";
import { useState, type FormEvent } from "react";
import { useToasts } from "@/components/toasts";
import { ControllerRefusal, SubmitFooter } from "@/features/leases/lease-form-modal-parts";
import { formatRelative, HOUR_MS, timestampToMs } from "@/domain/durations";
import { leaseEndMs } from "@/domain/lease-status";
import type { BeginMoveKeeps } from "@/domain/lease-updates";
import { shortName } from "@/domain/resource-names";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { leaseSubject, moveBeginRequest } from "@/features/leases/lease-changes";
import { formatLocalDateTime, parseLocalDateTime } from "@/domain/local-date-time";
import { useChangeLeaseTime } from "@/features/leases/use-change-lease-time";
import { formatClockTime } from "@/lib/format-date";
import { useNow } from "@/lib/use-now";

export interface ChangeStartModalProps {
  /** A lease that never had a board (the caller checks with canMoveBegin). */
  readonly lease: Lease;
  readonly onClose: () => void;
}

/** Mount it only while open: each opening starts from the lease's values. */
export function ChangeStartModal({ lease, onClose }: ChangeStartModalProps) {
  const now = useNow();
  const toasts = useToasts();
  const change = useChangeLeaseTime();
  const name = shortName(lease.name);
  const subject = leaseSubject(lease);
  const begin = timestampToMs(lease.beginTime);
  const hasEnd = lease.endTime !== undefined;
  const [startAt, setStartAt] = useState(() => formatLocalDateTime(begin ?? Date.now() + HOUR_MS));
  const [keeps, setKeeps] = useState<BeginMoveKeeps>("length");
  const [touched, setTouched] = useState(false);
  const titleId = `change-start-${name}-title`;

  const plan = (nowMs: number) => {
    const start = parseLocalDateTime(startAt);
    if (start === undefined) return { ok: false as const, message: "Enter the date and time the lease should start" };
    return moveBeginRequest(lease, start, keeps, nowMs);
  };
  const shown = plan(now);
  const showProblem = !shown.ok && touched;

  const submit = (e?: FormEvent): void => {
    e?.preventDefault();
    setTouched(true);
    const fresh = plan(Date.now());
    if (!fresh.ok) return;
    change.mutate(fresh.request, {
      onSuccess: (updated) => {
        const start = timestampToMs(updated.beginTime);
        const end = leaseEndMs(updated);
        toasts.push({
          variant: "success",
          key: `change:${lease.name}`,
          title: `${subject}: the lease start changed`,
          ...(start === undefined ? {} : { body: `It now starts at ${formatClockTime(start, Date.now())}${end === undefined ? "" : ` and ends at ${formatClockTime(end, Date.now())}`}.` }),
        });
        onClose();
      },
    });
  };

  return (
    <Modal isOpen onClose={onClose} variant="small" aria-labelledby={titleId}>
      <ModalHeader title={`Change the start of ${subject}`} labelId={titleId} description={`Lease ${name}`} />
      <ModalBody>
        <Form id="change-start-form" onSubmit={submit}>
          <FormGroup label="New start" fieldId="change-start-at">
            <TextInput
              id="change-start-at"
              type="datetime-local"
              value={startAt}
              onChange={(_e, v) => {
                setStartAt(v);
                setTouched(true);
              }}
              validated={showProblem ? "error" : "default"}
              aria-describedby="change-start-message"
            />
          </FormGroup>
          {hasEnd && (
            <FormGroup role="radiogroup" isInline fieldId="change-start-keeps" label="Keep">
              <Radio id="change-start-keep-length" name="change-start-keeps" label="Its length (the end moves too)" isChecked={keeps === "length"} onChange={() => setKeeps("length")} />
              <Radio id="change-start-keep-end" name="change-start-keeps" label="Its end" isChecked={keeps === "end"} onChange={() => setKeeps("end")} />
            </FormGroup>
          )}
          <FormHelperText>
            <HelperText id="change-start-message" isLiveRegion>
              {!shown.ok ? (
                <HelperTextItem variant={showProblem ? "error" : "default"}>{shown.message}</HelperTextItem>
              ) : (
                <HelperTextItem>
                  {`The controller assigns a board from ${formatClockTime(parseLocalDateTime(startAt) ?? now, now)} (${formatRelative(parseLocalDateTime(startAt) ?? now, now)})`}
                  {shown.newEndMs === undefined ? "." : `; the lease ends at ${formatClockTime(shown.newEndMs, now)}.`}
                </HelperTextItem>
              )}
            </HelperText>
          </FormHelperText>
          {change.isError && <ControllerRefusal title="The controller did not change the lease" error={change.error} />}
        </Form>
      </ModalBody>
      <SubmitFooter formId="change-start-form" label="Change start" isPending={change.isPending} onCancel={onClose} />
    </Modal>
  );
}
