import { Alert } from "@patternfly/react-core/dist/esm/components/Alert/Alert.js";
import { Button } from "@patternfly/react-core/dist/esm/components/Button/Button.js";
import BanIcon from "@patternfly/react-icons/dist/esm/icons/ban-icon";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InlineAlert, type InlineAlertProps } from "@/components/inline-alert";
import { withoutOuia } from "@/components/testing/without-ouia";

const CASES: InlineAlertProps[] = [
  { variant: "danger", title: "Not signed in", isLiveRegion: true, children: "The controller said no." },
  { variant: "info", title: "Signed out, here and at the lab.", isPlain: true, className: "portal-sign-in__reason" },
  { variant: "success", title: "Read alice.yaml", isPlain: true, isLiveRegion: true },
  { variant: "warning", title: "Signed out", className: "portal-sign-in__reason", children: <p>Token expired</p> },
  // The stale banner and the lease page's status: another element for the title.
  { variant: "warning", title: "Data may be out of date", isPlain: true, component: "p", children: <p>2 min old</p> },
  { variant: "success", title: "Ready: rpi5-01 is yours", component: "h2", children: <p>jmp shell</p> },
  // Retry buttons and links under the message.
  {
    variant: "warning",
    title: "The controller is not answering",
    isLiveRegion: true,
    children: <p>Trying again.</p>,
    actionLinks: (
      <>
        <span className="portal-muted">Retrying automatically</span>
        <Button variant="link" isInline>
          Try now
        </Button>
      </>
    ),
  },
  { variant: "danger", title: "Something went wrong", actionLinks: <a href="/exporters">Reload the portal</a> },
  // An ended lease: PatternFly's custom variant, with an icon of its own.
  { variant: "custom", customIcon: <BanIcon />, component: "h2", title: "Released: by you", children: <p>The lease has ended.</p> },
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
    expect(withoutOuia(ours)).toBe(withoutOuia(theirs));
  });

  it("puts the actions in PatternFly's action group, after the description", () => {
    const html = renderToStaticMarkup(
      <InlineAlert variant="danger" title="Failed" actionLinks={<button type="button">Retry</button>}>
        <p>Why</p>
      </InlineAlert>,
    );
    expect(html).toMatch(/<div class="pf-v6-c-alert__description"><p>Why<\/p><\/div><div class="pf-v6-c-alert__action-group"><button type="button">Retry<\/button><\/div><\/div>$/);
  });
});
