// What the bars' colours mean (each bar also says its state in its name).
const ENTRIES = [
  ["held", "Active"],
  ["waiting", "Waiting for its board"],
  ["scheduled", "Scheduled"],
  ["ended", "Ended"],
] as const;

export function TimelineLegend() {
  return (
    <ul className="portal-tl-legend" aria-label="Legend">
      {ENTRIES.map(([kind, text]) => (
        <li key={kind}>
          <span className={`portal-tl-legend__swatch portal-tl-bar--${kind}`} aria-hidden /> {text}
        </li>
      ))}
      <li>
        <span className="portal-tl-legend__swatch portal-tl-legend__swatch--free" aria-hidden /> Free (choose to book)
      </li>
      <li>
        <span className="portal-tl-legend__swatch portal-tl-legend__swatch--now" aria-hidden /> Now
      </li>
    </ul>
  );
}
