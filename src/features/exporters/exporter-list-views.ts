// The exporter list's two views (cards on a phone, the table elsewhere) and
// the virtualiser they share, fetched while the page asks for its first page
// of exporters rather than with the page: its first paint (heading, toolbar,
// "Loading exporters…") needs neither (issue 13: initial JS per first page).
import { loadOnce, type LoadOnce } from "@/components/lazy-tooltip/load-once";
import type * as CardsModule from "@/features/exporters/exporter-cards";
import type * as TableModule from "@/features/exporters/exporter-table";

const exporterCardsCode = loadOnce(() => import("@/features/exporters/exporter-cards"));
const exporterTableCode = loadOnce(() => import("@/features/exporters/exporter-table"));

/** Either view's module: the page checks which one it got. */
export type ExporterListViews = typeof CardsModule | typeof TableModule;

/** The view a screen this wide shows (cards when narrow), for the page and the route's prefetch alike. */
export function listViewCode(narrow: boolean): LoadOnce<ExporterListViews> {
  return narrow ? exporterCardsCode : exporterTableCode;
}
