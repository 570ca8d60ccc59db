// One banner for the whole portal while what is on screen cannot be refreshed.
import { StaleBanner } from "@/components/stale-banner";
import { useStaleQueries } from "@/lib/use-stale-queries";

export function GlobalStaleBanner() {
  const staleness = useStaleQueries();
  return (
    <>
      {/* Announced once when it starts and once when it ends; the visible
          banner's age ticks every second, which would flood a screen reader. */}
      <div role="status" className="pf-v6-screen-reader">
        {staleness === null ? "" : "Data may be out of date: the portal cannot refresh it and keeps retrying."}
      </div>
      {staleness !== null && (
        <div className="portal-stale-banner">
          <StaleBanner dataUpdatedAt={staleness.dataUpdatedAt} error={staleness.error} />
        </div>
      )}
    </>
  );
}
