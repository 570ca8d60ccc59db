// A first load the controller has not answered: what is wrong, that the
// portal keeps trying by itself, and a way to try now.
import { Button } from "@/components/button/button";
import { Spinner } from "@/components/spinner";
import { InlineAlert } from "@/components/inline-alert";
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
    <InlineAlert
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
    </InlineAlert>
  );
}
