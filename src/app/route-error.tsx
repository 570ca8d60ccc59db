// Last resort when a page crashes: say so plainly and offer a way back.
import { Button } from "@/components/button/button";
import { PageSection } from "@/components/page-section";
import { InlineAlert } from "@/components/inline-alert";

export function RouteError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <main id="main-content">
      <PageSection>
        <h1 className="pf-v6-screen-reader">Something went wrong</h1>
        <InlineAlert
          variant="danger"
          title="Something went wrong on this page"
          actionLinks={
            <Button variant="link" isInline component="a" href="/exporters">
              Reload the portal
            </Button>
          }
        >
          <p>{message}</p>
        </InlineAlert>
      </PageSection>
    </main>
  );
}
