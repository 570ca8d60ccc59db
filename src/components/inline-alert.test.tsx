import { Alert } from "@patternfly/react-core/dist/esm/components/Alert/Alert.js";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InlineAlert, type InlineAlertProps } from "@/components/inline-alert";

/** PatternFly's markup without its OUIA test attributes, which the portal does not use. */
function withoutOuia(html: string): string {
  return html.replace(/ data-ouia-[a-z-]+="[^"]*"/g, "");
}

const CASES: InlineAlertProps[] = [
  { variant: "danger", title: "Not signed in", isLiveRegion: true, children: "The controller said no." },
  { variant: "info", title: "Signed out, here and at the lab.", isPlain: true, className: "portal-sign-in__reason" },
  { variant: "success", title: "Read alice.yaml", isPlain: true, isLiveRegion: true },
  { variant: "warning", title: "Signed out", className: "portal-sign-in__reason", children: <p>Token expired</p> },
];

describe("InlineAlert", () => {
  it.each(CASES)("draws what PatternFly's inline Alert draws: %o", (props) => {
    const { children, ...rest } = props;
    const ours = renderToStaticMarkup(<InlineAlert {...props} />);
    const theirs = renderToStaticMarkup(
      <Alert isInline {...rest}>
        {children}
      </Alert>,
    );
    expect(ours).toBe(withoutOuia(theirs));
  });
});
