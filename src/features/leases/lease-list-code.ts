// The leases page's rows (lease-list-view.tsx), fetched on entering the page
// beside its code and its first call, not as part of it (issue 13).
import { loadOnce } from "@/components/lazy-tooltip/load-once";

export const leaseListViewCode = loadOnce(() => import("@/features/leases/lease-list-view"));
