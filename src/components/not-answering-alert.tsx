// A first load the controller has not answered: what is wrong, that the
// portal keeps trying by itself, and a way to try now.
import { Alert, Button } from "@patternfly/react-core";
import { Spinner } from "@/components/spinner";
import { NOT_ANSWERING_TITLE, notAnsweringMessage, type FirstLoad } from "@/lib/first-load";

export interface NotAnsweringAlertProps {
  readonly load: Extract<FirstLoad, { kind: "not-answering" }>;
  /** What is missing, for the sentence ("the exporters"). */
  readonly what: string;
  /** Tries again now instead of at the next automatic try. */
  readonly onRetryNow?: () => void;
}

export function NotAnsweringAlert({ load, what, onRetryNow }: NotAnsweringAlertProps) {
  return (
    <Alert
      isInline
      isLiveRegion
      variant="warning"
      title={NOT_ANSWERING_TITLE}
      actionLinks={
        <>
          <span className="portal-muted portal-retrying">
            <Spinner size="sm" aria-hidden /> Retrying automatically
          </span>
          {onRetryNow !== undefined && (
            <Button variant="link" isInline onClick={onRetryNow}>
              Try now
            </Button>
          )}
        </>
      }
    >
      <p>{notAnsweringMessage(load, what)}</p>
    </Alert>
  );
}
