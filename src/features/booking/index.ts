// The booking feature's public face, for the app's routes: the create form
// (with the selector builder, the exporter picker and what the window's
// availability looks like) and the timeline (/timeline).
import "@/features/booking/booking.css";
import "@/features/booking/timeline/timeline.css";

export { CreateLeasePage } from "@/features/booking/create-lease-page";
export { TimelinePage } from "@/features/booking/timeline/timeline-page";
