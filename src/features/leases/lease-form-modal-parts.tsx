// The pieces every lease-changing dialog shares: the controller's refusal
// shown inside the form (nothing typed is lost), and the submit/cancel footer.
import { ModalFooter } from "@patternfly/react-core";
import { Button } from "@/components/button/button";
import { InlineAlert } from "@/components/inline-alert";
import { describeError } from "@/lib/errors";

export function ControllerRefusal({ title, error }: { readonly title: string; readonly error: unknown }) {
  return (
    <InlineAlert variant="danger" title={title}>
      <p>{describeError(error).message}</p>
    </InlineAlert>
  );
}

export interface SubmitFooterProps {
  /** The id of the form the primary button submits. */
  readonly formId: string;
  readonly label: string;
  readonly isPending: boolean;
  readonly onCancel: () => void;
}

export function SubmitFooter({ formId, label, isPending, onCancel }: SubmitFooterProps) {
  return (
    <ModalFooter>
      <Button variant="primary" type="submit" form={formId} isLoading={isPending} isDisabled={isPending}>
        {label}
      </Button>
      <Button variant="link" onClick={onCancel}>
        Cancel
      </Button>
    </ModalFooter>
  );
}
