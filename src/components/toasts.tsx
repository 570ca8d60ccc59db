// Short-lived notifications in the page corner ("Lease abc is ready").
// Any component under <ToastProvider> calls useToasts().push(...).
import { Alert, AlertActionCloseButton, AlertGroup } from "@patternfly/react-core";
import { createContext, use, useCallback, useMemo, useRef, useState, type ReactNode } from "react";

export interface Toast {
  readonly variant: "success" | "info" | "warning" | "danger";
  readonly title: string;
  readonly body?: ReactNode;
  /** A toast with the same key replaces the earlier one (no duplicates per lease and event). */
  readonly key?: string;
  /** Milliseconds before it goes away by itself; 8 s by default, 0 to stay until closed. */
  readonly timeoutMs?: number;
}

interface ShownToast extends Toast {
  readonly id: number;
}

export interface ToastApi {
  push(toast: Toast): void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** At most this many on screen; older ones make room. */
const MAX_TOASTS = 4;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly ShownToast[]>([]);
  const nextId = useRef(1);
  const remove = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const push = useCallback((toast: Toast) => {
    const id = nextId.current++;
    setToasts((ts) => {
      const kept = toast.key === undefined ? ts : ts.filter((t) => t.key !== toast.key);
      return [...kept, { ...toast, id }].slice(-MAX_TOASTS);
    });
  }, []);
  const api = useMemo<ToastApi>(() => ({ push }), [push]);
  return (
    <ToastContext value={api}>
      {children}
      <AlertGroup isToast isLiveRegion aria-label="Notifications">
        {toasts.map((t) => (
          <Alert
            key={t.id}
            variant={t.variant}
            title={t.title}
            timeout={t.timeoutMs === 0 ? false : (t.timeoutMs ?? 8_000)}
            onTimeout={() => remove(t.id)}
            actionClose={<AlertActionCloseButton onClose={() => remove(t.id)} />}
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
