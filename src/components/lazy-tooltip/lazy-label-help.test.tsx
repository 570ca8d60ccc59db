import { FormGroupLabelHelp } from "@patternfly/react-core/dist/esm/components/Form/FormGroupLabelHelp.js";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LazyLabelHelp } from "@/components/lazy-tooltip/lazy-label-help";
import { withoutOuia } from "@/components/testing/without-ouia";

describe("LazyLabelHelp", () => {
  it("draws PatternFly's label help button until its popover is first asked for (issue 13)", () => {
    const ours = renderToStaticMarkup(<LazyLabelHelp aria-label="Selector syntax" headerContent="Label selector" bodyContent="key=value" />);
    const theirs = withoutOuia(renderToStaticMarkup(<FormGroupLabelHelp aria-label="Selector syntax" />));
    expect(ours).toBe(theirs);
  });
});
