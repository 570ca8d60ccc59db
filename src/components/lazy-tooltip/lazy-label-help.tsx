// A form label's help button (PatternFly's FormGroupLabelHelp) whose Popover
// is fetched after the page's first paint (or on a click before that):
// PatternFly's Popover brings the Popper engine and a focus trap (~14 KiB
// gzip) that the first paint does not need (issue 13). Once mounted,
// PatternFly's Popover runs it as before (click or Enter toggles, Escape and
// outside clicks close, focus is trapped inside while open), kept open or
// closed here.
import HelpIcon from "@patternfly/react-icons/dist/esm/icons/help-icon";
import type { Popover as PfPopover } from "@patternfly/react-core/dist/esm/components/Popover/Popover.js";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/button/button";
import { loadOnce } from "@/components/lazy-tooltip/load-once";
import { useAfterFirstPaint } from "@/lib/use-after-first-paint";

const popoverCode = loadOnce(() => import("@patternfly/react-core/dist/esm/components/Popover/Popover.js"));

function clickOnEnterOrSpace(event: KeyboardEvent<HTMLElement>, button: HTMLElement | null): void {
  if ((event.key === "Enter" || event.key === " ") && button !== null) {
    event.preventDefault();
    button.click();
  }
}

export interface LazyLabelHelpProps {
  /** The button's name ("Selector syntax"). */
  readonly "aria-label": string;
  readonly headerContent: ReactNode;
  readonly bodyContent: ReactNode;
}

export function LazyLabelHelp({ "aria-label": ariaLabel, headerContent, bodyContent }: LazyLabelHelpProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const [Popover, setPopover] = useState<typeof PfPopover | undefined>(undefined);
  const [open, setOpen] = useState(false);
  // Read by a click's follow-up below, before React has rendered the change.
  const openRef = useRef(false);
  const show = useCallback((visible: boolean): void => {
    openRef.current = visible;
    setOpen(visible);
  }, []);
  const mount = useCallback(
    (openNow: boolean): void => {
      popoverCode.get().then(
        (m) => {
          setPopover(() => m.Popover);
          if (openNow) show(true);
        },
        // Offline: nothing opens this time; the next click fetches again.
        () => undefined,
      );
    },
    [show],
  );
  // Fetched and mounted (hidden) once the page is painted, as before this was lazy: with
  // PatternFly's Popover mounted, typing in the exporter search reached the screen about
  // 1.5 ms sooner at the median and 5 ms at the 95th percentile (bench:browser), for a
  // reason not found yet (issue 13).
  const painted = useAfterFirstPaint();
  useEffect(() => {
    if (painted) mount(false);
  }, [painted, mount]);
  const onClick = (): void => {
    // PatternFly's own click listener on the button toggles it once attached. A click it did
    // not see (before the Popover was fetched, or between the Popover's mount and its
    // listener, which a loaded machine made long enough to lose a click) opens it here.
    const wasOpen = openRef.current;
    setTimeout(() => {
      if (!wasOpen && !openRef.current) mount(true);
    }, 0);
  };
  return (
    <>
      {/* PatternFly's FormGroupLabelHelp: an inline span button, Enter and Space click it. */}
      <Button component="span" isInline ref={ref} onKeyDown={(event: KeyboardEvent<HTMLElement>) => clickOnEnterOrSpace(event, ref.current)} aria-label={ariaLabel} variant="plain" hasNoPadding onClick={onClick} icon={<HelpIcon />} />
      {Popover !== undefined && (
        <Popover
          triggerRef={ref}
          isVisible={open}
          shouldOpen={() => show(true)}
          shouldClose={() => show(false)}
          headerContent={headerContent}
          bodyContent={bodyContent}
        />
      )}
    </>
  );
}
