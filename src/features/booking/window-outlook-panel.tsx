// The window's outlook on the create form: who has the boards then, and,
// when the window clashes with a booking, the explicit "book anyway" that
// sending it takes (the controller would queue it, not refuse it).
import { Checkbox } from "@/components/form/choice";
import { HelperTextItem, HelperText } from "@/components/form/helper-text";
import { FormHelperText } from "@/components/form/form";
import { InlineAlert } from "@/components/inline-alert";
import type { WindowOutlook } from "@/features/booking/window-outlook";

export interface WindowOutlookPanelProps {
  readonly outlook: WindowOutlook;
  readonly confirmed: boolean;
  readonly onConfirm: (confirmed: boolean) => void;
  /** Shown under the checkbox after a submit without it. */
  readonly confirmError: string | undefined;
}

export const BOOK_ANYWAY_ID = "create-book-anyway";

const VARIANT = { free: "success", warn: "warning", wait: "warning" } as const;

export function WindowOutlookPanel({ outlook, confirmed, onConfirm, confirmError }: WindowOutlookPanelProps) {
  return (
    <InlineAlert variant={VARIANT[outlook.tone]} title={outlook.headline} component="h3" className="portal-window-outlook">
      {outlook.lines.length > 0 && (
        <ul className="portal-window-outlook__lines">
          {outlook.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {outlook.needsConfirmation && (
        <>
          <Checkbox
            id={BOOK_ANYWAY_ID}
            label="Book it anyway: the controller queues it behind the other booking"
            isChecked={confirmed}
            onChange={(_e, checked) => onConfirm(checked)}
            aria-describedby={confirmError === undefined ? undefined : `${BOOK_ANYWAY_ID}-message`}
          />
          {confirmError !== undefined && (
            <FormHelperText>
              <HelperText id={`${BOOK_ANYWAY_ID}-message`} isLiveRegion>
                <HelperTextItem variant="error">{confirmError}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </>
      )}
    </InlineAlert>
  );
}
