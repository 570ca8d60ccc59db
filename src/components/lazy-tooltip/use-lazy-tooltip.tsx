// PatternFly's Tooltip, fetched when a trigger is first hovered or focused.
// It brings the Popper positioning engine (~10 KiB gzip) that a page's first
// paint does not need: times and countdowns show their exact date only on
// hover and focus (issue 13). The trigger renders as it is; once the code is
// in, PatternFly's Tooltip takes the trigger by ref, shows at once if the
// pointer or focus is still there, and from then on behaves as PatternFly's
// does (hover and focus show it, Escape and leaving hide it, the trigger's
// aria-describedby names it while shown).
import type { Tooltip as PfTooltip, TooltipProps } from "@patternfly/react-core/dist/esm/components/Tooltip/Tooltip.js";
import { useRef, useState, type FocusEvent, type MouseEvent, type ReactNode, type RefObject } from "react";
import { loadOnce } from "@/components/lazy-tooltip/load-once";
import { IDLE_TRIGGER, nextTriggerState, wantsTooltip, type TriggerEvent } from "@/components/lazy-tooltip/trigger-state";

const tooltipCode = loadOnce(() => import("@patternfly/react-core/dist/esm/components/Tooltip/Tooltip.js"));

export interface LazyTooltipTriggerProps<E extends HTMLElement> {
  readonly ref: RefObject<E | null>;
  readonly onMouseEnter: (event: MouseEvent<E>) => void;
  readonly onMouseLeave: (event: MouseEvent<E>) => void;
  readonly onFocus: (event: FocusEvent<E>) => void;
  readonly onBlur: (event: FocusEvent<E>) => void;
}

export interface LazyTooltip<E extends HTMLElement> {
  /** To spread on the trigger element. */
  readonly triggerProps: LazyTooltipTriggerProps<E>;
  /** PatternFly's Tooltip once fetched (drawn in document.body), else nothing: render it beside the trigger. */
  readonly tooltip: ReactNode;
}

/** PatternFly's Tooltip props beyond the trigger, the content and its visibility (which this hook owns). */
export type LazyTooltipOptions = Omit<TooltipProps, "triggerRef" | "content" | "isVisible" | "children" | "ref">;

interface Mounted {
  readonly Tooltip: typeof PfTooltip;
  /** Shown on mount: the trigger was still hovered or focused when the code came. */
  readonly showAtOnce: boolean;
}

export function useLazyTooltip<E extends HTMLElement>(content: ReactNode, options: LazyTooltipOptions = {}): LazyTooltip<E> {
  const ref = useRef<E>(null);
  const trigger = useRef(IDLE_TRIGGER);
  const [mounted, setMounted] = useState<Mounted | undefined>(undefined);
  const note = (event: TriggerEvent): void => {
    trigger.current = nextTriggerState(trigger.current, event);
    // Once mounted, PatternFly's own listeners on the trigger take over.
    if (mounted !== undefined || !wantsTooltip(trigger.current)) return;
    tooltipCode.get().then(
      ({ Tooltip }) => setMounted((m) => m ?? { Tooltip, showAtOnce: wantsTooltip(trigger.current) }),
      // Offline: no tooltip this time; the next hover or focus fetches again.
      () => undefined,
    );
  };
  const triggerProps: LazyTooltipTriggerProps<E> = {
    ref,
    onMouseEnter: () => note("enter"),
    onMouseLeave: () => note("leave"),
    onFocus: () => note("focus"),
    onBlur: () => note("blur"),
  };
  // isVisible never changes after mount: PatternFly shows it once then, and its listeners do the rest.
  // aria-live off by default: what PatternFly's Tooltip uses around a child trigger (a ref trigger would make it polite).
  const tooltip = mounted === undefined ? null : <mounted.Tooltip aria-live="off" {...options} triggerRef={ref} content={content} isVisible={mounted.showAtOnce} />;
  return { triggerProps, tooltip };
}
