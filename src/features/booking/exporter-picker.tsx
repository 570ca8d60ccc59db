// Choose one exporter by name: a search over names and labels, and a list of
// radio buttons, each with the exporter's status, so a free board is easy to
// spot. The chosen one's situation (offline, leased, disabled) is spelled out.
import { FormGroup, FormHelperText, HelperText, HelperTextItem } from "@patternfly/react-core";
import { useEffect, useMemo, useRef, useState } from "react";
import { ExporterStatusLabel } from "@/components/exporter-status-label";
import { SearchInput } from "@/components/search-input";
import { exporterState } from "@/components/exporter-status";
import { shortName } from "@/domain/resource-names";
import type { Exporter } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { chosenExporterNote } from "@/features/booking/exporter-matches";

export interface ExporterPickerProps {
  readonly exporters: readonly Exporter[] | undefined;
  /** Resource names of exporters an active lease holds. */
  readonly held: ReadonlySet<string>;
  /** The chosen exporter's bare name. */
  readonly value: string;
  readonly onChange: (name: string) => void;
  readonly error: string | undefined;
  /** Why the exporters are unknown, in people's words. */
  readonly exportersProblem: string | undefined;
  /** The lease starts later: the board's state now matters less. */
  readonly scheduled: boolean;
}

/** More than this many matches are cut, with a note to refine the search. */
const MAX_SHOWN = 200;

function matchesSearch(e: Exporter, q: string): boolean {
  if (q === "") return true;
  const name = shortName(e.name).toLowerCase();
  if (name.includes(q)) return true;
  return Object.entries(e.labels).some(([k, v]) => `${k}=${v}`.toLowerCase().includes(q));
}

export function ExporterPicker({ exporters, held, value, onChange, error, exportersProblem, scheduled }: ExporterPickerProps) {
  const [search, setSearch] = useState("");
  const q = search.trim().toLowerCase();
  const found = useMemo(() => (exporters ?? []).filter((e) => matchesSearch(e, q)), [exporters, q]);
  const shown = found.slice(0, MAX_SHOWN);
  const note = exporters === undefined ? undefined : chosenExporterNote(exporters, value, held, scheduled);
  const chosen = exporters?.find((e) => shortName(e.name) === value);

  // A board chosen before the list arrived (?exporter=) is scrolled into view once, inside the list only.
  const listRef = useRef<HTMLDivElement>(null);
  const scrolled = useRef(false);
  const loaded = exporters !== undefined;
  useEffect(() => {
    const list = listRef.current;
    if (scrolled.current || !loaded || list === null || value === "") return;
    scrolled.current = true;
    const option = list.querySelector<HTMLElement>(".portal-exporter-option--selected");
    if (option !== null) list.scrollTop = option.offsetTop - list.offsetTop - list.clientHeight / 3;
  }, [loaded, value]);

  return (
    <FormGroup label="Exporter" fieldId="create-exporter-search" isRequired role="group">
      <SearchInput
        id="create-exporter-search"
        aria-label="Find an exporter"
        placeholder="Find by name or label (rcar, site=bcn)"
        value={search}
        onChange={setSearch}
        onClear={() => setSearch("")}
        {...(exporters === undefined ? {} : { resultsCount: `${found.length} of ${exporters.length}` })}
      />
      {chosen !== undefined && (
        <div className="portal-exporter-picker__chosen">
          <span>
            Chosen: <strong>{value}</strong>
          </span>
          <ExporterStatusLabel exporter={chosen} isCompact />
        </div>
      )}
      <div ref={listRef} className="portal-exporter-picker" role="radiogroup" aria-label="Exporter" aria-describedby="create-exporter-message" aria-invalid={error !== undefined}>
        {exporters === undefined ? (
          <p className="portal-muted portal-exporter-picker__empty">{exportersProblem ?? "Loading exporters…"}</p>
        ) : shown.length === 0 ? (
          <p className="portal-muted portal-exporter-picker__empty">No exporter matches the search.</p>
        ) : (
          shown.map((e) => {
            const name = shortName(e.name);
            const id = `create-exporter-${name}`;
            const isHeld = held.has(e.name);
            const board = e.labels.board;
            const site = e.labels.site;
            return (
              <div key={e.name} className={`portal-exporter-option${name === value ? " portal-exporter-option--selected" : ""}`}>
                <input type="radio" id={id} name="create-exporter" value={name} checked={name === value} onChange={() => onChange(name)} aria-describedby={`${id}-state`} />
                <label htmlFor={id} className="portal-exporter-option__name">
                  {name}
                </label>
                <span id={`${id}-state`} className="portal-exporter-option__state">
                  <ExporterStatusLabel exporter={e} isCompact />
                  {isHeld && exporterState(e).kind !== "leased" && <span className="portal-muted"> held by a lease</span>}
                  {(board !== undefined || site !== undefined) && (
                    <span className="portal-muted portal-exporter-option__labels">{[board, site].filter((x) => x !== undefined).join(" · ")}</span>
                  )}
                </span>
              </div>
            );
          })
        )}
        {found.length > shown.length && <p className="portal-muted portal-exporter-picker__empty">{`Showing ${shown.length} of ${found.length}: refine the search to see the rest.`}</p>}
      </div>
      <FormHelperText>
        <HelperText id="create-exporter-message" isLiveRegion>
          {error !== undefined ? (
            <HelperTextItem variant="error">{error}</HelperTextItem>
          ) : note !== undefined ? (
            <HelperTextItem variant={note.variant}>{note.text}</HelperTextItem>
          ) : (
            <HelperTextItem>Choose the board to lease.</HelperTextItem>
          )}
        </HelperText>
      </FormHelperText>
    </FormGroup>
  );
}
