// Says that what is on screen is old, how old, and why, while refreshes fail.
import { InlineAlert } from "@/components/inline-alert";
import { staleText } from "@/components/stale-text";
import { useNow } from "@/lib/use-now";

export interface StaleBannerProps {
  /** When the data on screen was last fetched successfully (ms since the epoch). */
  readonly dataUpdatedAt: number;
  /** Why the latest refresh failed. */
  readonly error: unknown;
}

export function StaleBanner({ dataUpdatedAt, error }: StaleBannerProps) {
  const now = useNow();
  return (
    <InlineAlert variant="warning" isPlain title="Data may be out of date" component="p">
      <p>{staleText(dataUpdatedAt, now, error)}</p>
    </InlineAlert>
  );
}
