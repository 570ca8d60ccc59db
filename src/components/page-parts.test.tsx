// The thin page parts draw what PatternFly's components draw for the props the portal uses (issue 13).
import { EmptyState as PfEmptyState } from "@patternfly/react-core/dist/esm/components/EmptyState/EmptyState.js";
import { EmptyStateActions } from "@patternfly/react-core/dist/esm/components/EmptyState/EmptyStateActions.js";
import { EmptyStateBody } from "@patternfly/react-core/dist/esm/components/EmptyState/EmptyStateBody.js";
import { EmptyStateFooter } from "@patternfly/react-core/dist/esm/components/EmptyState/EmptyStateFooter.js";
import { PageSection as PfPageSection } from "@patternfly/react-core/dist/esm/components/Page/PageSection.js";
import { Content as PfContent } from "@patternfly/react-core/dist/esm/components/Content/Content.js";
import { ToggleGroup as PfToggleGroup } from "@patternfly/react-core/dist/esm/components/ToggleGroup/ToggleGroup.js";
import { ToggleGroupItem as PfToggleGroupItem } from "@patternfly/react-core/dist/esm/components/ToggleGroup/ToggleGroupItem.js";
import MoonIcon from "@patternfly/react-icons/dist/esm/icons/moon-icon";
import { Card as PfCard } from "@patternfly/react-core/dist/esm/components/Card/Card.js";
import { CardBody as PfCardBody } from "@patternfly/react-core/dist/esm/components/Card/CardBody.js";
import { CardTitle as PfCardTitle } from "@patternfly/react-core/dist/esm/components/Card/CardTitle.js";
import { DescriptionList as PfDescriptionList } from "@patternfly/react-core/dist/esm/components/DescriptionList/DescriptionList.js";
import { DescriptionListDescription as PfDescriptionListDescription } from "@patternfly/react-core/dist/esm/components/DescriptionList/DescriptionListDescription.js";
import { DescriptionListGroup as PfDescriptionListGroup } from "@patternfly/react-core/dist/esm/components/DescriptionList/DescriptionListGroup.js";
import { DescriptionListTerm as PfDescriptionListTerm } from "@patternfly/react-core/dist/esm/components/DescriptionList/DescriptionListTerm.js";
import { Breadcrumb as PfBreadcrumb } from "@patternfly/react-core/dist/esm/components/Breadcrumb/Breadcrumb.js";
import { BreadcrumbItem as PfBreadcrumbItem } from "@patternfly/react-core/dist/esm/components/Breadcrumb/BreadcrumbItem.js";
import { Title as PfTitle } from "@patternfly/react-core/dist/esm/components/Title/Title.js";
import SearchIcon from "@patternfly/react-icons/dist/esm/icons/search-icon";
import LockIcon from "@patternfly/react-icons/dist/esm/icons/lock-icon";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Breadcrumb, BreadcrumbItem } from "@/components/breadcrumb";
import { Card, CardBody, CardTitle } from "@/components/card";
import { Content, type ContentProps } from "@/components/content";
import { DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm } from "@/components/description-list";
import { EmptyState, type EmptyStateProps } from "@/components/empty-state";
import { PageSection, type PageSectionProps } from "@/components/page-section";
import { Title, type TitleProps } from "@/components/title";
import { ToggleGroup, ToggleGroupItem, type ToggleGroupItemProps, type ToggleGroupProps } from "@/components/toggle-group";
import { withoutOuia } from "@/components/testing/without-ouia";


describe("PageSection", () => {
  const CASES: PageSectionProps[] = [{ children: "x" }, { className: "portal-exporters-head", children: <h1>Exporters</h1> }, { "aria-label": "Exporter list", className: "portal-exporters-list" }];
  it.each(CASES)("draws what PatternFly's PageSection draws: %o", (props) => {
    expect(renderToStaticMarkup(<PageSection {...props} />)).toBe(renderToStaticMarkup(<PfPageSection {...props} />));
  });
});

describe("Title", () => {
  const CASES: TitleProps[] = [
    { headingLevel: "h1", children: "Exporters" },
    { headingLevel: "h1", size: "2xl", children: "Sign in" },
    { headingLevel: "h2", size: "lg", className: "portal-sign-in__section", children: "With a token" },
    { headingLevel: "h1", className: "pf-v6-screen-reader", id: "t", children: "Lease" },
  ];
  it.each(CASES)("draws what PatternFly's Title draws: %o", (props) => {
    expect(renderToStaticMarkup(<Title {...props} />)).toBe(withoutOuia(renderToStaticMarkup(<PfTitle {...props} />)));
  });
});

describe("EmptyState", () => {
  const CASES: EmptyStateProps[] = [
    { title: "No exporter matches" },
    { title: "No results for this selector", children: "Try another.", actions: <button type="button">Clear</button> },
    { title: "This page does not exist", headingLevel: "h3", icon: LockIcon, actions: <a href="/">Home</a> },
  ];
  it.each(CASES)("draws what PatternFly's EmptyState variant sm draws: %o", ({ title, children, actions, icon = SearchIcon, headingLevel = "h2" }) => {
    const ours = renderToStaticMarkup(<EmptyState title={title} icon={icon} headingLevel={headingLevel} {...(actions === undefined ? {} : { actions })}>{children}</EmptyState>);
    const theirs = renderToStaticMarkup(
      <PfEmptyState titleText={title} headingLevel={headingLevel} icon={icon} variant="sm">
        {children !== undefined && <EmptyStateBody>{children}</EmptyStateBody>}
        {actions !== undefined && (
          <EmptyStateFooter>
            <EmptyStateActions>{actions}</EmptyStateActions>
          </EmptyStateFooter>
        )}
      </PfEmptyState>,
    );
    expect(ours).toBe(theirs);
  });
});

describe("Content", () => {
  const CASES: ContentProps[] = [{ children: <p>Sign in</p> }, { className: "portal-sign-in__section", children: "x" }, { component: "small", className: "portal-muted", children: "Run it" }];
  it.each(CASES)("draws what PatternFly's Content draws: %o", (props) => {
    expect(renderToStaticMarkup(<Content {...props} />)).toBe(withoutOuia(renderToStaticMarkup(<PfContent {...(props as object)} />)));
  });
});

describe("ToggleGroup", () => {
  const GROUPS: ToggleGroupProps[] = [{ "aria-label": "Theme", isCompact: true }, { "aria-labelledby": "lease-scope-label" }, { "aria-label": "View", className: "portal-x" }];
  const ITEMS: ToggleGroupItemProps[] = [
    { icon: <MoonIcon />, "aria-label": "Dark theme", buttonId: "theme-dark", isSelected: true },
    { text: "Mine", buttonId: "lease-scope-mine" },
    { text: "Week", isDisabled: true, className: "portal-y" },
  ];
  it.each(GROUPS)("draws what PatternFly's ToggleGroup and its items draw: %o", (props) => {
    const ours = renderToStaticMarkup(
      <ToggleGroup {...props}>
        {ITEMS.map((item, i) => (
          <ToggleGroupItem key={i} {...item} />
        ))}
      </ToggleGroup>,
    );
    const theirs = renderToStaticMarkup(
      <PfToggleGroup {...props}>
        {ITEMS.map((item, i) => (
          <PfToggleGroupItem key={i} {...(item as object)} />
        ))}
      </PfToggleGroup>,
    );
    expect(ours).toBe(theirs);
  });
});

describe("Card", () => {
  it("draws what PatternFly's Card, CardTitle and CardBody draw", () => {
    const withoutEmptyId = (html: string): string => html.replace(/ id=""/g, "");
    for (const className of [undefined, "portal-detail-wide"]) {
      const ours = renderToStaticMarkup(
        <Card {...(className === undefined ? {} : { className })}>
          <CardTitle component="h2">Status</CardTitle>
          <CardBody>Online</CardBody>
        </Card>,
      );
      const theirs = renderToStaticMarkup(
        <PfCard {...(className === undefined ? {} : { className })}>
          <PfCardTitle component="h2">Status</PfCardTitle>
          <PfCardBody>Online</PfCardBody>
        </PfCard>,
      );
      expect(ours).toBe(withoutEmptyId(withoutOuia(theirs)));
    }
  });
});

describe("DescriptionList", () => {
  it("draws what PatternFly's compact horizontal DescriptionList draws", () => {
    const ours = renderToStaticMarkup(
      <DescriptionList isHorizontal isCompact>
        <DescriptionListGroup>
          <DescriptionListTerm>Status</DescriptionListTerm>
          <DescriptionListDescription>Online</DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>,
    );
    const theirs = renderToStaticMarkup(
      <PfDescriptionList isHorizontal isCompact>
        <PfDescriptionListGroup>
          <PfDescriptionListTerm>Status</PfDescriptionListTerm>
          <PfDescriptionListDescription>Online</PfDescriptionListDescription>
        </PfDescriptionListGroup>
      </PfDescriptionList>,
    );
    expect(ours).toBe(theirs);
    expect(renderToStaticMarkup(<DescriptionList className="x">y</DescriptionList>)).toBe(renderToStaticMarkup(<PfDescriptionList className="x">y</PfDescriptionList>));
  });
});

describe("Breadcrumb", () => {
  it("draws what PatternFly's Breadcrumb draws: a link back and the current page", () => {
    function Anchor(props: React.ComponentProps<"a">) {
      return <a data-router="yes" {...props} />;
    }
    const ours = renderToStaticMarkup(
      <Breadcrumb>
        <BreadcrumbItem component={Anchor} to="/leases">
          Leases
        </BreadcrumbItem>
        <BreadcrumbItem isActive>lease-1</BreadcrumbItem>
      </Breadcrumb>,
    );
    const theirs = renderToStaticMarkup(
      <PfBreadcrumb>
        <PfBreadcrumbItem component={Anchor} to="/leases">
          Leases
        </PfBreadcrumbItem>
        <PfBreadcrumbItem isActive>lease-1</PfBreadcrumbItem>
      </PfBreadcrumb>,
    );
    expect(ours).toBe(withoutOuia(theirs));
  });
});
