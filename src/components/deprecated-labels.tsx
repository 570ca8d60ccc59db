// Deprecated labels ([HL2]-[HL5]) as warnings: an alert listing each one in
// jmp's words (detail pages), and a small mark for dense rows (its words on
// hover and for screen readers).
import { ExclamationTriangleIcon } from "@patternfly/react-icons";
import { InlineAlert } from "@/components/inline-alert";
import { StaticLabel } from "@/components/static-label";
import type { DeprecatedLabel } from "@/domain/deprecated-labels";

export interface DeprecatedLabelsAlertProps {
  readonly items: readonly DeprecatedLabel[];
  readonly title: string;
}

/** Nothing when nothing is deprecated. */
export function DeprecatedLabelsAlert({ items, title }: DeprecatedLabelsAlertProps) {
  if (items.length === 0) return null;
  return (
    <InlineAlert variant="warning" title={title} className="portal-deprecated-alert">
      <ul className="portal-deprecated-list">
        {items.map((d) => (
          <li key={d.key}>{d.text}</li>
        ))}
      </ul>
    </InlineAlert>
  );
}

/** "⚠ 2 deprecated", for a row's label chips; nothing when nothing is deprecated. */
export function DeprecatedLabelsMark({ items }: { items: readonly DeprecatedLabel[] }) {
  if (items.length === 0) return null;
  const all = items.map((d) => d.text).join("\n");
  return (
    <StaticLabel isCompact variant="outline" color="orange" icon={<ExclamationTriangleIcon />} title={all}>
      {`${items.length} deprecated`}
      <span className="pf-v6-screen-reader">{`: ${items.map((d) => d.text).join("; ")}`}</span>
    </StaticLabel>
  );
}
