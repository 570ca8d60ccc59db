// The create form's parts that show the lab: the exporter picker, and who has
// the boards in the chosen window (with what it takes to work that out).
// They wait for ListExporters and ListLeases anyway, so their code loads
// beside those calls rather than with the page: the form's first paint (what
// to lease, when, tags, submit) needs none of it (issue 13: initial JS per
// first page). See create-lease-lab-parts-code.ts.
export { boardFacts, bookingsOf } from "@/domain/availability";
export { ExporterPicker } from "@/features/booking/exporter-picker";
export { boardWindowOutlook, selectorWindowOutlook } from "@/features/booking/window-outlook";
export { BOOK_ANYWAY_ID, WindowOutlookPanel } from "@/features/booking/window-outlook-panel";
