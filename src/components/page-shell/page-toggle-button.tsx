// PatternFly's hamburger button for the page's sidebar (its
// <PageToggleButton isHamburgerButton> in a managed page): a plain button
// with PatternFly's animated three-line icon, which turns into an arrow
// while the sidebar is open on a narrow screen (page.css).
import "@patternfly/react-styles/css/components/Button/button.css";
import { useSidebar } from "@/components/page-shell/sidebar-context";
import { PAGE_SIDEBAR_ID } from "@/components/page-shell/page-sidebar";

export interface PageToggleButtonProps {
  readonly "aria-label": string;
  readonly id?: string;
}

export function PageToggleButton({ "aria-label": ariaLabel, id = "nav-toggle" }: PageToggleButtonProps) {
  const { isOpen, toggle } = useSidebar();
  return (
    <button
      aria-expanded={isOpen}
      id={id}
      aria-controls={PAGE_SIDEBAR_ID}
      aria-label={ariaLabel}
      className="pf-v6-c-button pf-m-plain pf-m-hamburger"
      type="button"
      onClick={toggle}
    >
      <span className="pf-v6-c-button__icon">
        <svg viewBox="0 0 10 10" className="pf-v6-c-button--hamburger-icon pf-v6-svg" width="1em" height="1em">
          <path className="pf-v6-c-button--hamburger-icon--top" d="M1,1 L9,1" />
          <path className="pf-v6-c-button--hamburger-icon--middle" d="M1,5 L9,5" />
          <path className="pf-v6-c-button--hamburger-icon--arrow" d="M1,5 L1,5 L1,5" />
          <path className="pf-v6-c-button--hamburger-icon--bottom" d="M9,9 L1,9" />
        </svg>
      </span>
    </button>
  );
}
