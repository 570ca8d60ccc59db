// The toast stack (toasts.tsx says where toasts go and how long they stay),
// apart so that PatternFly's alert group loads after the first paint.
import { Alert, AlertActionCloseButton, AlertGroup } from "@patternfly/react-core";
import { useEffect } from "react";
import { alertTimeout, type ShownToast } from "@/components/toast-list";
import "@/components/toasts.css";

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

export interface ToastStackProps {
  readonly toasts: readonly ShownToast[];
  readonly onRemove: (id: number) => void;
}

export function ToastStack({ toasts, onRemove }: ToastStackProps) {
  useReservedRoom(toasts.length > 0);
  return (
    <AlertGroup isToast isLiveRegion aria-label="Notifications" className="portal-toasts">
      {toasts.map((t) => (
        <Alert
          key={t.id}
          variant={t.variant}
          title={<ToastTitle toast={t} />}
          timeout={alertTimeout(t)}
          onTimeout={() => onRemove(t.id)}
          actionClose={<AlertActionCloseButton title={`Close: ${t.title}`} onClose={() => onRemove(t.id)} />}
        >
          {t.body}
        </Alert>
      ))}
    </AlertGroup>
  );
}
