// Hands a lease to another client of the namespace. The controller checks
// that the client exists; its answer is shown here, and the name typed stays.
import { Modal, ModalBody, ModalHeader } from "@patternfly/react-core";
import { TextInput } from "@/components/form/text-input";
import { HelperTextItem, HelperText } from "@/components/form/helper-text";
import { FormHelperText, FormGroup, Form } from "@/components/form/form";
import { useState, type FormEvent } from "react";
import { shortName } from "@/domain/resource-names";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { useToasts } from "@/components/toasts";
import { ControllerRefusal, SubmitFooter } from "@/features/leases/lease-form-modal-parts";
import { leaseSubject, transferRequest } from "@/features/leases/lease-changes";
import { useTransferLease } from "@/features/leases/use-transfer-lease";
import { useSession } from "@/lib/session-context";

export interface TransferModalProps {
  readonly lease: Lease;
  readonly onClose: () => void;
}

/** Mount it only while open: each opening starts empty. */
export function TransferModal({ lease, onClose }: TransferModalProps) {
  const { namespace } = useSession();
  const toasts = useToasts();
  const transfer = useTransferLease();
  const [to, setTo] = useState("");
  const [touched, setTouched] = useState(false);
  const name = shortName(lease.name);
  const subject = leaseSubject(lease);
  const titleId = `transfer-${name}-title`;
  // Time only matters for "already ended", which the page prevents; checked again on submit.
  const [openedAt] = useState(() => Date.now());
  const plan = transferRequest(lease, namespace, to, openedAt);
  const showProblem = !plan.ok && touched;

  const submit = (e?: FormEvent): void => {
    e?.preventDefault();
    setTouched(true);
    const fresh = transferRequest(lease, namespace, to, Date.now());
    if (!fresh.ok) return;
    transfer.mutate(fresh.request, {
      onSuccess: () => {
        toasts.push({ variant: "success", key: `transfer:${lease.name}`, title: `${subject} now belongs to ${to.trim()}` });
        onClose();
      },
    });
  };

  return (
    <Modal isOpen onClose={onClose} variant="small" aria-labelledby={titleId}>
      <ModalHeader title={`Transfer ${subject} to another client`} labelId={titleId} description={`Lease ${name}`} />
      <ModalBody>
        <Form id="transfer-form" onSubmit={submit}>
          <FormGroup label="Client name" fieldId="transfer-client" isRequired>
            <TextInput
              id="transfer-client"
              value={to}
              onChange={(_e, v) => {
                setTo(v);
                if (transfer.isError) transfer.reset();
              }}
              onBlur={() => setTouched(to !== "")}
              validated={showProblem || transfer.isError ? "error" : "default"}
              aria-describedby="transfer-client-message"
              placeholder="bob"
              autoComplete="off"
              spellCheck={false}
              isRequired
            />
            <FormHelperText>
              <HelperText id="transfer-client-message" isLiveRegion>
                {showProblem && !plan.ok ? (
                  <HelperTextItem variant="error">{plan.message}</HelperTextItem>
                ) : (
                  <HelperTextItem>{`A client of namespace ${namespace}. Once transferred, only that client can extend or release the lease.`}</HelperTextItem>
                )}
              </HelperText>
            </FormHelperText>
          </FormGroup>
          {transfer.isError && <ControllerRefusal title="The controller did not transfer the lease" error={transfer.error} />}
        </Form>
      </ModalBody>
      <SubmitFooter formId="transfer-form" label="Transfer" isPending={transfer.isPending} onCancel={onClose} />
    </Modal>
  );
}
