// A page's one object before it shows: the reason it could not be loaded
// with a way to try again, or a spinner while it loads.
import { Spinner } from "@/components/spinner";
import { Button } from "@/components/button/button";
import { ErrorAlert } from "@/components/error-alert";

export interface LoadFailedOrLoadingProps {
  /** The query's error, when it failed. */
  readonly error: unknown;
  readonly isError: boolean;
  readonly retry: () => void;
  /** "lease", "exporter": in "This lease could not be loaded" and "Loading the lease…". */
  readonly what: string;
}

export function LoadFailedOrLoading({ error, isError, retry, what }: LoadFailedOrLoadingProps) {
  if (isError) {
    return (
      <ErrorAlert
        error={error}
        title={`This ${what} could not be loaded`}
        actions={
          <Button variant="link" isInline onClick={retry}>
            Try again
          </Button>
        }
      />
    );
  }
  return (
    <div className="portal-loading" role="status">
      <Spinner size="lg" aria-hidden /> {`Loading the ${what}…`}
    </div>
  );
}
