// The lease dialogs (release, change end, change start, transfer) load on
// first use, not with the lists and the lease page (issue 13: none of them is
// on a first paint; the change-end and change-start forms bring the date and
// time fields). Their code is asked for as soon as a pointer or the focus
// reaches an action button, so it is usually in by the click; until then a
// brief "Opening…" stands in, and the focus stays on the button pressed.
import { lazy, Suspense, type ReactNode } from "react";

const loadRelease = () => import("@/features/leases/release-modal");
const loadChangeEnd = () => import("@/features/leases/change-end-modal");
const loadChangeStart = () => import("@/features/leases/change-start-modal");
const loadTransfer = () => import("@/features/leases/transfer-modal");

export const ReleaseModal = lazy(async () => ({ default: (await loadRelease()).ReleaseModal }));
export const ChangeEndModal = lazy(async () => ({ default: (await loadChangeEnd()).ChangeEndModal }));
export const ChangeStartModal = lazy(async () => ({ default: (await loadChangeStart()).ChangeStartModal }));
export const TransferModal = lazy(async () => ({ default: (await loadTransfer()).TransferModal }));

/** Starts loading the dialogs a lease's actions open (repeat calls cost nothing: modules load once). */
export function preloadLeaseModals(layout: "row" | "page"): void {
  void loadRelease();
  if (layout === "row") return;
  void loadChangeEnd();
  void loadChangeStart();
  void loadTransfer();
}

/** Where an opened dialog appears, with what stands in while its code loads. */
export function LeaseModalSlot({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="portal-modal-opening" role="status">
          Opening…
        </div>
      }
    >
      {children}
    </Suspense>
  );
}
