// A lease page's breadcrumb: back to the list, then this lease.
import { BreadcrumbItem, Breadcrumb } from "@/components/breadcrumb";
import { RouterAnchor } from "@/components/router-anchor";

export function LeaseCrumbs({ title }: { title: string }) {
  return (
    <Breadcrumb>
      <BreadcrumbItem component={RouterAnchor} to="/leases">
        Leases
      </BreadcrumbItem>
      <BreadcrumbItem isActive>{title}</BreadcrumbItem>
    </Breadcrumb>
  );
}
