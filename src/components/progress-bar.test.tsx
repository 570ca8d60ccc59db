import { Progress } from "@patternfly/react-core/dist/esm/components/Progress/Progress.js";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProgressBar, type ProgressBarProps } from "@/components/progress-bar";

/** PatternFly's markup without the generated id on its outer element (nothing refers to it when there is no title). */
function withoutId(html: string): string {
  return html.replace(/ id="pf-progress-[^"]*"/, "");
}

const CASES: ProgressBarProps[] = [
  { value: 42, "aria-label": "Time used of lease a", valueText: "42% of the lease used", className: "portal-time-left__bar" },
  { value: 97, "aria-label": "Time used of lease b", valueText: "97% of the lease used", variant: "warning", className: "portal-time-left__bar" },
  { value: 0, "aria-label": "Time used of lease c", valueText: "0% of the lease used" },
  // A lease past its end before the controller says so: the bar stays full.
  { value: 130, "aria-label": "Time used of lease d", valueText: "130% of the lease used", variant: "warning" },
];

describe("ProgressBar", () => {
  it.each(CASES)("draws what PatternFly's small Progress without a measure draws: %o", (props) => {
    const theirs = renderToStaticMarkup(<Progress size="sm" measureLocation="none" hideStatusIcon {...props} />);
    expect(renderToStaticMarkup(<ProgressBar {...props} />)).toBe(withoutId(theirs));
  });
});
