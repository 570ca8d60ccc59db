// Which toasts are on screen: a new one with the key of an earlier one
// replaces it; one that says exactly what an earlier one says (same variant,
// title and text) collapses into it with a count, instead of stacking; at
// most `max` at a time, the oldest making room. Pure, for the provider.
import type { ReactNode } from "react";

export type ToastVariant = "success" | "info" | "warning" | "danger";

export interface Toast {
  readonly variant: ToastVariant;
  readonly title: string;
  readonly body?: ReactNode;
  /** A toast with the same key replaces the earlier one (no duplicates per lease and event). */
  readonly key?: string;
  /** Milliseconds before it goes away by itself (by default by variant, `defaultTimeoutMs`); 0 to stay until closed. */
  readonly timeoutMs?: number;
}

export interface ShownToast extends Toast {
  /** Unique per push: a replaced or repeated toast gets a new one, so its timer starts over. */
  readonly id: number;
  /** How many times it was said (2 and more show as "×2"). */
  readonly count: number;
}

/** At most this many on screen. */
export const MAX_TOASTS = 3;

/**
 * How long a toast stays by default: news a person may want to read (and
 * act on) stays a little longer than a confirmation; failures stay until
 * closed, since they carry the controller's words.
 */
export function defaultTimeoutMs(variant: ToastVariant): number {
  switch (variant) {
    case "success":
      return 6_000;
    case "info":
      return 8_000;
    case "warning":
      return 12_000;
    case "danger":
      return 0;
  }
}

/** The toast's timeout as PatternFly's Alert takes it: false to stay. */
export function alertTimeout(toast: Toast): number | false {
  const ms = toast.timeoutMs ?? defaultTimeoutMs(toast.variant);
  return ms > 0 ? ms : false;
}

/** Text bodies can be compared; rich ones (buttons, code) only collapse by key. */
function sameText(a: Toast, b: Toast): boolean {
  if (a.variant !== b.variant || a.title !== b.title) return false;
  const bodyA = a.body ?? "";
  const bodyB = b.body ?? "";
  return typeof bodyA === "string" && typeof bodyB === "string" && bodyA === bodyB;
}

export function addToast(shown: readonly ShownToast[], toast: Toast, id: number, max: number = MAX_TOASTS): ShownToast[] {
  let count = 1;
  const kept: ShownToast[] = [];
  for (const t of shown) {
    if (toast.key !== undefined && t.key === toast.key) continue;
    if (toast.key === undefined && t.key === undefined && sameText(t, toast)) {
      count = t.count + 1;
      continue;
    }
    kept.push(t);
  }
  return [...kept, { ...toast, id, count }].slice(-Math.max(1, max));
}

export function removeToast(shown: readonly ShownToast[], id: number): ShownToast[] {
  return shown.filter((t) => t.id !== id);
}
