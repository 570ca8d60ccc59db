// PatternFly's read-only clipboard copy box (the same markup and classes as
// its <ClipboardCopy isReadOnly>: the text in a read-only input, a copy
// button, a tooltip that says "copied"). PatternFly's ClipboardCopy imports
// its Tooltip, and with it the Popper engine; here the tooltip's code comes on
// the button's first hover or focus (issue 13), with PatternFly's
// ClipboardCopy tooltip settings (shown on click too, kept 1.5 s after).
import "@patternfly/react-styles/css/components/ClipboardCopy/clipboard-copy.css";
import "@patternfly/react-styles/css/components/FormControl/form-control.css";
import { Button } from "@/components/button/button";
import RhUiCopyFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-copy-fill-icon";
import { useState } from "react";
import { useLazyTooltip, type LazyTooltipOptions } from "@/components/lazy-tooltip/use-lazy-tooltip";

export interface ClipboardCopyProps {
  /** The text shown and copied. */
  readonly text: string;
  /** The input's name for screen readers. */
  readonly textAriaLabel: string;
  /** The copy button's name. */
  readonly copyAriaLabel: string;
  /** The tooltip before copying. */
  readonly hoverTip: string;
  /** The tooltip once copied. */
  readonly clickTip: string;
}

export function ClipboardCopy({ text, textAriaLabel, copyAriaLabel, hoverTip, clickTip }: ClipboardCopyProps) {
  const [copied, setCopied] = useState(false);
  const tooltipOptions: LazyTooltipOptions = {
    trigger: "mouseenter focus click",
    entryDelay: 300,
    exitDelay: 1500,
    maxWidth: "150px",
    aria: "none",
    "aria-live": "polite",
    onTooltipHidden: () => setCopied(false),
  };
  const { triggerProps, tooltip } = useLazyTooltip<HTMLButtonElement>(<div>{copied ? clickTip : hoverTip}</div>, tooltipOptions);
  // As PatternFly's: "copied" at once, without waiting for the browser's answer.
  const copy = (): void => {
    void navigator.clipboard.writeText(text);
    setCopied(true);
  };
  return (
    <div className="pf-v6-c-clipboard-copy">
      <div className="pf-v6-c-clipboard-copy__group">
        <span className="pf-v6-c-form-control pf-m-readonly">
          <input aria-label={textAriaLabel} dir="ltr" type="text" aria-invalid={false} readOnly value={text} />
        </span>
        <Button type="button" variant="control" onClick={copy} aria-label={copyAriaLabel} icon={<RhUiCopyFillIcon />} {...triggerProps} />
        {tooltip}
      </div>
    </div>
  );
}
