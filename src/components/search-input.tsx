// PatternFly's search input in its plain form (its <SearchInput> markup: the
// text input group with the search icon, a count of results and a reset
// button while there is text) without its attribute menu, expandable and
// navigation parts (issue 13).
import "@patternfly/react-styles/css/components/TextInputGroup/text-input-group.css";
import "@patternfly/react-styles/css/components/Badge/badge.css";
import RhMicronsCloseIcon from "@patternfly/react-icons/dist/esm/icons/rh-microns-close-icon";
import SearchIcon from "@patternfly/react-icons/dist/esm/icons/search-icon";
import { useRef, type ChangeEvent, type MouseEvent } from "react";
import { Button } from "@/components/button/button";

export interface SearchInputProps {
  readonly id?: string;
  readonly "aria-label": string;
  readonly placeholder?: string;
  readonly value: string;
  /** With the new text, as PatternFly's. */
  readonly onChange: (event: ChangeEvent<HTMLInputElement>, value: string) => void;
  /** Shows a reset button while there is text; the focus goes back to the field. */
  readonly onClear?: (event: MouseEvent<HTMLButtonElement>) => void;
  /** "3 of 10", beside the text. */
  readonly resultsCount?: string;
}

export function SearchInput({ id, "aria-label": ariaLabel, placeholder, value, onChange, onClear, resultsCount }: SearchInputProps) {
  const input = useRef<HTMLInputElement>(null);
  const showUtilities = value !== "" && (resultsCount !== undefined || onClear !== undefined);
  return (
    <div className="pf-v6-c-text-input-group" id={id}>
      <div
        className="pf-v6-c-text-input-group__main pf-m-icon"
        // As PatternFly's: Enter searches in place rather than submitting the form around it.
        onKeyDown={(event) => {
          if (event.key === "Enter") event.preventDefault();
        }}
      >
        <span className="pf-v6-c-text-input-group__text">
          <span className="pf-v6-c-text-input-group__icon">
            <SearchIcon />
          </span>
          <input ref={input} type="text" className="pf-v6-c-text-input-group__text-input" aria-label={ariaLabel} onChange={(event) => onChange(event, event.currentTarget.value)} value={value} placeholder={placeholder} />
        </span>
      </div>
      {showUtilities && (
        <div className="pf-v6-c-text-input-group__utilities">
          {resultsCount !== undefined && (
            <span className="pf-v6-c-badge pf-m-read">
              {resultsCount}
              <span className="pf-v6-screen-reader"> results</span>
            </span>
          )}
          {onClear !== undefined && (
            <Button
              variant="plain"
              aria-label="Reset"
              onClick={(event) => {
                onClear(event);
                input.current?.focus();
              }}
              icon={<RhMicronsCloseIcon />}
            />
          )}
        </div>
      )}
    </div>
  );
}
