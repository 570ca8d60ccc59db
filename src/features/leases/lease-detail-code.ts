// A lease page's content (loaded-lease.tsx), fetched on entering the page
// beside its code and its GetLease, not as part of it (issue 13).
import { loadOnce } from "@/components/lazy-tooltip/load-once";

export const loadedLeaseCode = loadOnce(() => import("@/features/leases/loaded-lease"));
