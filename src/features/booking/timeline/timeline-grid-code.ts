// The timeline's grid (its rows, the virtualiser, the drag to book), fetched
// on entering the page beside its code and its first calls, not as part of
// it: the page's first paint (heading, toolbar, loading) needs none of it
// (issue 13: initial JS per first page).
import { loadOnce } from "@/components/lazy-tooltip/load-once";

export const timelineGridCode = loadOnce(() => import("@/features/booking/timeline/timeline-grid"));
