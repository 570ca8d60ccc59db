// A module fetched on first need, as state: undefined until it is in, then
// the module. Unlike React.lazy nothing suspends, so a list whose pages keep
// arriving is not held back by React's retries of a suspended render (issue 13).
import { useEffect, useState } from "react";
import type { LoadOnce } from "@/components/lazy-tooltip/load-once";

export function useLoaded<T>(module: LoadOnce<T>): T | undefined {
  const [loaded, setLoaded] = useState<{ readonly from: LoadOnce<T>; readonly value: T } | undefined>(undefined);
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    let current = true;
    module.get().then(
      (value) => {
        if (current) setLoaded({ from: module, value });
      },
      // Offline: try again a little later rather than show the loading state for ever.
      () => {
        if (current) setTimeout(() => setFailures((n) => n + 1), 2_000);
      },
    );
    return () => {
      current = false;
    };
  }, [module, failures]);
  return loaded?.from === module ? loaded.value : undefined;
}
