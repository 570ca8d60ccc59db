// "Nothing here" with a reason and, when it helps, a way out.
import { EmptyState as PfEmptyState, EmptyStateActions, EmptyStateBody, EmptyStateFooter } from "@patternfly/react-core";
import { SearchIcon } from "@patternfly/react-icons";
import type { ComponentType, ReactNode } from "react";

export interface EmptyStateProps {
  readonly title: string;
  readonly children?: ReactNode;
  /** Buttons or links (e.g. "Clear filters"). */
  readonly actions?: ReactNode;
  readonly icon?: ComponentType;
  /** Heading level, so it fits the page outline. */
  readonly headingLevel?: "h2" | "h3" | "h4";
}

export function EmptyState({ title, children, actions, icon = SearchIcon, headingLevel = "h2" }: EmptyStateProps) {
  return (
    <PfEmptyState titleText={title} headingLevel={headingLevel} icon={icon} variant="sm">
      {children !== undefined && <EmptyStateBody>{children}</EmptyStateBody>}
      {actions !== undefined && (
        <EmptyStateFooter>
          <EmptyStateActions>{actions}</EmptyStateActions>
        </EmptyStateFooter>
      )}
    </PfEmptyState>
  );
}
