// The create form's lab parts (create-lease-lab-parts.ts), fetched on
// entering the page beside its code and its first calls, not as part of it.
import { loadOnce } from "@/components/lazy-tooltip/load-once";
import type * as LabPartsModule from "@/features/booking/create-lease-lab-parts";

export type CreateLeaseLabParts = typeof LabPartsModule;

export const createLeaseLabPartsCode = loadOnce(() => import("@/features/booking/create-lease-lab-parts"));
