// Short-lived notifications ("rcar-s4-01 is ready"). Any component under
// <ToastProvider> calls useToasts().push(...).
//
// Where they go (issue 8, item 3): at the bottom of the window, at the end
// side, never over the top of the page, where every page keeps its heading,
// its status and its actions; narrow, full-width only on phones. The page
// keeps room under its content as tall as the toasts, so nothing stays
// covered: whatever is under a toast can be scrolled clear of it. At most
// three at a time; a repeat collapses into the toast it repeats (same key:
// replaced; same words: counted); confirmations go by themselves, failures
// stay until closed, and none goes while the pointer or focus is on it.
//
// The stack itself (PatternFly's alert group, toast-stack.tsx) loads once the
// first page is painted: no page shows a toast on its first frame, and its
// live region is in place before the first toast arrives.
import { createContext, lazy, Suspense, use, useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { addToast, removeToast, type ShownToast, type Toast } from "@/components/toast-list";
import { useAfterFirstPaint } from "@/lib/use-after-first-paint";

export type { Toast } from "@/components/toast-list";

export interface ToastApi {
  push(toast: Toast): void;
}

const ToastContext = createContext<ToastApi | null>(null);

const ToastStack = lazy(async () => ({ default: (await import("@/components/toast-stack")).ToastStack }));

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly ShownToast[]>([]);
  const nextId = useRef(1);
  const remove = useCallback((id: number) => setToasts((ts) => removeToast(ts, id)), []);
  const push = useCallback((toast: Toast) => {
    const id = nextId.current++;
    setToasts((ts) => addToast(ts, toast, id));
  }, []);
  const api = useMemo<ToastApi>(() => ({ push }), [push]);
  const painted = useAfterFirstPaint();
  return (
    <ToastContext value={api}>
      {children}
      {painted && (
        <Suspense fallback={null}>
          <ToastStack toasts={toasts} onRemove={remove} />
        </Suspense>
      )}
    </ToastContext>
  );
}

/** Shows toasts; must be used under <ToastProvider> (the app's providers mount it). */
export function useToasts(): ToastApi {
  const api = use(ToastContext);
  if (api === null) throw new Error("useToasts must be used inside <ToastProvider>");
  return api;
}
