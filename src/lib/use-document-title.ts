// Every page names itself in the browser tab (and for screen readers on navigation).
import { useEffect } from "react";

export const PRODUCT_NAME = "Jumpstarter Lab Portal";

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title === "" ? PRODUCT_NAME : `${title} · ${PRODUCT_NAME}`;
  }, [title]);
}
