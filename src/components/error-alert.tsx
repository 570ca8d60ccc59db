// A failed call shown as an inline alert, in the words of lib/errors.
import { InlineAlert } from "@/components/inline-alert";
import type { ReactNode } from "react";
import { describeError } from "@/lib/errors";

export interface ErrorAlertProps {
  readonly error: unknown;
  /** Overrides the title derived from the error ("Could not load exporters"). */
  readonly title?: string;
  readonly variant?: "danger" | "warning";
  /** Buttons or links under the message (a Retry button). */
  readonly actions?: ReactNode;
}

export function ErrorAlert({ error, title, variant = "danger", actions }: ErrorAlertProps) {
  const d = describeError(error);
  return (
    <InlineAlert variant={variant} title={title ?? d.title} actionLinks={actions}>
      <p>{d.message}</p>
    </InlineAlert>
  );
}
