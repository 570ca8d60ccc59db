// The exporters feature's public face, for the app's routes.
export { ExportersPage } from "@/features/exporters/exporters-page";
export { ExporterDetailPage } from "@/features/exporters/exporter-detail-page";
