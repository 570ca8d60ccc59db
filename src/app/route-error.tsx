// Last resort when a page crashes: say so plainly and offer a way back.
import { Alert, Button } from "@patternfly/react-core";
import { PageSection } from "@/components/page-section";

export function RouteError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <main id="main-content">
      <PageSection>
        <h1 className="pf-v6-screen-reader">Something went wrong</h1>
        <Alert
          variant="danger"
          isInline
          title="Something went wrong on this page"
          actionLinks={
            <Button variant="link" isInline component="a" href="/exporters">
              Reload the portal
            </Button>
          }
        >
          <p>{message}</p>
        </Alert>
      </PageSection>
    </main>
  );
}
