// PatternFly components that render anchors (NavItem, MastheadLogo, Button
// with component, BreadcrumbItem) take this to navigate client-side:
// `<Button component={RouterAnchor} href="/leases/new">`.
import type { ComponentProps } from "react";
import { Link } from "react-router";

export function RouterAnchor({ href, ...rest }: ComponentProps<"a">) {
  return <Link to={href ?? "/"} {...rest} />;
}
