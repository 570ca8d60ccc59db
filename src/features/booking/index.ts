// The booking feature's public face, for the app's routes: the create form
// (with the selector builder, the exporter picker and what the window's
// availability looks like) and, later, the timeline.
import "@/features/booking/booking.css";

export { CreateLeasePage } from "@/features/booking/create-lease-page";
