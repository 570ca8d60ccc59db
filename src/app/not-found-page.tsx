import { PageSection } from "@/components/page-section";
import { Button } from "@/components/button/button";
import { useLocation, useNavigate } from "react-router";
import { EmptyState } from "@/components/empty-state";
import { useDocumentTitle } from "@/lib/use-document-title";

export function NotFoundPage() {
  const location = useLocation();
  const navigate = useNavigate();
  useDocumentTitle("Page not found");
  return (
    <PageSection>
      <h1 className="pf-v6-screen-reader">Page not found</h1>
      <EmptyState
        title="This page does not exist"
        actions={
          <Button variant="primary" onClick={() => void navigate("/exporters")}>
            Go to the exporters
          </Button>
        }
      >
        Nothing in the portal lives at <code>{location.pathname}</code>.
      </EmptyState>
    </PageSection>
  );
}
