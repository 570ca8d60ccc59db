import { Button as PfButton } from "@patternfly/react-core/dist/esm/components/Button/Button.js";
import { Spinner as PfSpinner } from "@patternfly/react-core/dist/esm/components/Spinner/Spinner.js";
import PlusCircleIcon from "@patternfly/react-icons/dist/esm/icons/plus-circle-icon";
import type { MouseEvent, ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Button, type ButtonProps } from "@/components/button/button";
import { Spinner, type SpinnerProps } from "@/components/spinner";
import { withoutOuia } from "@/components/testing/without-ouia";

function Anchor(props: React.ComponentProps<"a">) {
  return <a data-router="yes" {...props} />;
}

const CASES: [string, ButtonProps][] = [
  ["primary", { children: "Create lease" }],
  ["secondary with an icon", { variant: "secondary", icon: <PlusCircleIcon />, children: "New lease" }],
  ["icon at the end", { variant: "link", icon: <PlusCircleIcon />, iconPosition: "end", children: "More" }],
  ["icon only, labelled", { variant: "plain", icon: <PlusCircleIcon />, "aria-label": "Add" }],
  ["inline link", { variant: "link", isInline: true, children: "sign in again" }],
  ["inline on a non-link (no modifier)", { variant: "secondary", isInline: true, children: "x" }],
  ["submit, small, block", { type: "submit", size: "sm", isBlock: true, children: "Sign in" }],
  ["large", { size: "lg", children: "Big" }],
  ["danger secondary", { variant: "secondary", isDanger: true, children: "Release" }],
  ["danger primary (no modifier)", { variant: "danger", isDanger: true, children: "Release" }],
  ["disabled", { isDisabled: true, children: "Wait" }],
  ["aria-disabled", { isAriaDisabled: true, children: "Not now" }],
  ["can be busy, not busy", { isLoading: false, children: "Retry" }],
  ["busy", { isLoading: true, isDisabled: true, spinnerAriaValueText: "Creating", children: "Creating…" }],
  ["busy inline link", { variant: "link", isInline: true, isLoading: true, spinnerAriaLabel: "Working", children: "Retry" }],
  ["plain busy (no progress modifier)", { variant: "plain", isLoading: false, "aria-label": "x", icon: <PlusCircleIcon /> }],
  ["anchor", { component: "a", href: "/leases/new", variant: "link", children: "Book" }],
  ["disabled anchor", { component: "a", href: "/x", isDisabled: true, children: "Book" }],
  ["router anchor", { component: Anchor, href: "/exporters", variant: "secondary", children: "Exporters" }],
  ["inline span, no padding (a label's help)", { component: "span", isInline: true, variant: "plain", hasNoPadding: true, "aria-label": "More info", icon: <PlusCircleIcon /> }],
  ["no padding on a non-plain (no modifier)", { hasNoPadding: true, children: "x" }],
  ["extra attributes", { id: "go", form: "f", tabIndex: -1, "aria-pressed": true, "aria-expanded": false, className: "portal-x", children: "Go" }],
];

describe("Button", () => {
  it.each(CASES)("draws what PatternFly's Button draws: %s", (_name, props) => {
    const ours = renderToStaticMarkup(<Button {...props} />);
    const theirs = renderToStaticMarkup(<PfButton {...(props as React.ComponentProps<typeof PfButton>)} />);
    expect(ours).toBe(withoutOuia(theirs));
  });

  it("takes no click while aria-disabled, as PatternFly prevents it", () => {
    const onClick = vi.fn();
    const enabled = Button({ onClick, children: "Go" }) as ReactElement<{ onClick: (e: MouseEvent) => void }>;
    const ariaDisabled = Button({ onClick, isAriaDisabled: true, children: "Go" }) as ReactElement<{ onClick: (e: MouseEvent) => void }>;
    const preventDefault = vi.fn();
    const event = { preventDefault } as unknown as MouseEvent;
    enabled.props.onClick(event);
    expect(onClick).toHaveBeenCalledTimes(1);
    ariaDisabled.props.onClick(event);
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });
});

describe("Spinner", () => {
  const SPINNERS: SpinnerProps[] = [{}, { size: "md" }, { size: "lg", "aria-valuetext": "Loading exporters" }, { isInline: true, "aria-label": "Working" }, { className: "portal-x" }];
  it.each(SPINNERS)("draws what PatternFly's Spinner draws: %o", (props) => {
    expect(renderToStaticMarkup(<Spinner {...props} />)).toBe(renderToStaticMarkup(<PfSpinner {...props} />));
  });
});
