// Catches what a page throws while rendering (or a page's code that failed to
// load) and shows the error page instead of a blank screen, as the data
// router's errorElement did. Moving to another path tries again. The error
// page's own code loads only when there is an error to show.
import { Component, lazy, Suspense, type ErrorInfo, type ReactNode } from "react";
import { useLocation } from "react-router";

const RouteError = lazy(async () => ({ default: (await import("@/app/route-error")).RouteError }));

interface BoundaryProps {
  readonly resetKey: string;
  readonly children: ReactNode;
}

interface BoundaryState {
  readonly error: { readonly value: unknown; readonly at: string } | undefined;
}

class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: undefined };

  static getDerivedStateFromError(value: unknown): Partial<BoundaryState> {
    // `at` is filled in by getDerivedStateFromProps, which runs next.
    return { error: { value, at: "" } };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    if (state.error === undefined) return null;
    if (state.error.at === "") return { error: { ...state.error, at: props.resetKey } };
    return state.error.at === props.resetKey ? null : { error: undefined };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error("A page failed:", error, info.componentStack);
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <Suspense fallback={null}>
        <RouteError error={this.state.error.value} />
      </Suspense>
    );
  }
}

export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary resetKey={pathname}>{children}</Boundary>;
}
