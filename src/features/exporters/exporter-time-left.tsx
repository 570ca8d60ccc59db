// A holder's time left on a board, live on the page's shared clock: "1 h
// 20 min left", the end as a clock time beside it, the exact end on hover;
// highlighted (words and icon, not colour alone) in its last ten minutes.
import { ExclamationTriangleIcon } from "@patternfly/react-icons";
import { StaticLabel } from "@/components/static-label";
import { timeLeftWords } from "@/features/exporters/time-left-words";
import { formatAbsolute } from "@/lib/format-date";
import { useNow } from "@/lib/use-now";

export function ExporterTimeLeft({ endMs }: { endMs: number }) {
  const now = useNow();
  const words = timeLeftWords(endMs, now);
  const title = `Ends ${formatAbsolute(endMs)}`;
  return (
    <span className="portal-exporter-time" title={title}>
      {words.endingSoon ? (
        <StaticLabel isCompact color="orange" icon={<ExclamationTriangleIcon />} className="portal-countdown">
          {words.left}
          <span className="pf-v6-screen-reader">, ending soon</span>
        </StaticLabel>
      ) : (
        <span className="portal-countdown">{words.left}</span>
      )}
      {words.left !== "ended" && <span className="portal-muted portal-exporter-time__until">{`· until ${words.until}`}</span>}
    </span>
  );
}
