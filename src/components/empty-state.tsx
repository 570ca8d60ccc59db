// "Nothing here" with a reason and, when it helps, a way out. PatternFly's
// empty state markup (as its <EmptyState variant="sm"> draws it), without
// its status icons and class map (issue 13).
import "@patternfly/react-styles/css/components/EmptyState/empty-state.css";
import SearchIcon from "@patternfly/react-icons/dist/esm/icons/search-icon";
import type { SVGIconProps } from "@patternfly/react-icons/dist/esm/createIcon";
import type { ComponentType, ReactNode } from "react";

export interface EmptyStateProps {
  readonly title: string;
  readonly children?: ReactNode;
  /** Buttons or links (e.g. "Clear filters"). */
  readonly actions?: ReactNode;
  readonly icon?: ComponentType<SVGIconProps>;
  /** Heading level, so it fits the page outline. */
  readonly headingLevel?: "h2" | "h3" | "h4";
}

export function EmptyState({ title, children, actions, icon: Icon = SearchIcon, headingLevel: Heading = "h2" }: EmptyStateProps) {
  return (
    <div className="pf-v6-c-empty-state pf-m-sm">
      <div className="pf-v6-c-empty-state__content">
        <div className="pf-v6-c-empty-state__header">
          <div className="pf-v6-c-empty-state__icon">
            <Icon aria-hidden />
          </div>
          <div className="pf-v6-c-empty-state__title">
            <Heading className="pf-v6-c-empty-state__title-text">{title}</Heading>
          </div>
        </div>
        {children !== undefined && <div className="pf-v6-c-empty-state__body">{children}</div>}
        {actions !== undefined && (
          <div className="pf-v6-c-empty-state__footer">
            <div className="pf-v6-c-empty-state__actions">{actions}</div>
          </div>
        )}
      </div>
    </div>
  );
}
