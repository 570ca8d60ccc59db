// The leases feature's public face, for the app's routes and shell.
import "@/features/leases/leases.css";

export { LeasesPage } from "@/features/leases/leases-page";
export { LeaseDetailPage } from "@/features/leases/lease-detail-page";
export { LeaseNotifications } from "@/features/leases/lease-notifications";
