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
import { Alert, AlertActionCloseButton, AlertGroup } from "@patternfly/react-core";
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { addToast, alertTimeout, removeToast, type ShownToast, type Toast } from "@/components/toast-list";
import "@/components/toasts.css";

export type { Toast } from "@/components/toast-list";

export interface ToastApi {
  push(toast: Toast): void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** The CSS variable holding the height the toasts take, for the page's bottom room. */
const RESERVE_VARIABLE = "--portal-toasts-reserve";

/** Keeps `RESERVE_VARIABLE` on <html> equal to the toast stack's height while it shows. */
function useReservedRoom(showing: boolean): void {
  useEffect(() => {
    const root = document.documentElement;
    // The group is portalled to <body>.
    const group = showing ? document.querySelector<HTMLElement>(".portal-toasts") : null;
    if (group === null) {
      root.style.removeProperty(RESERVE_VARIABLE);
      return;
    }
    // The stack's height plus its gap to the window's edge.
    const update = (): void => {
      const box = group.getBoundingClientRect();
      root.style.setProperty(RESERVE_VARIABLE, `${Math.ceil(box.height + (window.innerHeight - box.bottom))}px`);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(group);
    return () => {
      observer.disconnect();
      root.style.removeProperty(RESERVE_VARIABLE);
    };
  }, [showing]);
}

function ToastTitle({ toast }: { toast: ShownToast }) {
  if (toast.count < 2) return <>{toast.title}</>;
  return (
    <>
      {toast.title}{" "}
      <span className="portal-toast-count">
        <span aria-hidden>×{toast.count}</span>
        <span className="pf-v6-screen-reader">({toast.count} times)</span>
      </span>
    </>
  );
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly ShownToast[]>([]);
  const nextId = useRef(1);
  const remove = useCallback((id: number) => setToasts((ts) => removeToast(ts, id)), []);
  const push = useCallback((toast: Toast) => {
    const id = nextId.current++;
    setToasts((ts) => addToast(ts, toast, id));
  }, []);
  const api = useMemo<ToastApi>(() => ({ push }), [push]);
  useReservedRoom(toasts.length > 0);
  return (
    <ToastContext value={api}>
      {children}
      <AlertGroup isToast isLiveRegion aria-label="Notifications" className="portal-toasts">
        {toasts.map((t) => (
          <Alert
            key={t.id}
            variant={t.variant}
            title={<ToastTitle toast={t} />}
            timeout={alertTimeout(t)}
            onTimeout={() => remove(t.id)}
            actionClose={<AlertActionCloseButton title={`Close: ${t.title}`} onClose={() => remove(t.id)} />}
          >
            {t.body}
          </Alert>
        ))}
      </AlertGroup>
    </ToastContext>
  );
}

/** Shows toasts; must be used under <ToastProvider> (the app's providers mount it). */
export function useToasts(): ToastApi {
  const api = use(ToastContext);
  if (api === null) throw new Error("useToasts must be used inside <ToastProvider>");
  return api;
}
