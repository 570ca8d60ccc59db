// PatternFly's search input (the same markup as its <SearchInput> with a
// value, a results count and a reset button), built from the small
// TextInputGroup pieces it is made of. PatternFly's SearchInput also carries
// its advanced-search menu and the Popper engine (issue 13), which the
// portal's pickers never open.
import { Badge } from "@patternfly/react-core/dist/esm/components/Badge/Badge.js";
import { Button } from "@patternfly/react-core/dist/esm/components/Button/Button.js";
import { TextInputGroup } from "@patternfly/react-core/dist/esm/components/TextInputGroup/TextInputGroup.js";
import { TextInputGroupMain } from "@patternfly/react-core/dist/esm/components/TextInputGroup/TextInputGroupMain.js";
import { TextInputGroupUtilities } from "@patternfly/react-core/dist/esm/components/TextInputGroup/TextInputGroupUtilities.js";
import RhMicronsCloseIcon from "@patternfly/react-icons/dist/esm/icons/rh-microns-close-icon";
import SearchIcon from "@patternfly/react-icons/dist/esm/icons/search-icon";
import { useRef } from "react";

export interface SearchInputProps {
  readonly id: string;
  readonly "aria-label": string;
  readonly placeholder: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The reset button (shown while there is text) empties the field with this, then focuses it. */
  readonly onClear: () => void;
  /** "3 of 40", beside the text while there is text. */
  readonly resultsCount?: string;
}

export function SearchInput({ id, "aria-label": ariaLabel, placeholder, value, onChange, onClear, resultsCount }: SearchInputProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const clear = (): void => {
    onClear();
    inputRef.current?.focus();
  };
  return (
    <TextInputGroup id={id}>
      <TextInputGroupMain icon={<SearchIcon />} ref={inputRef} value={value} placeholder={placeholder} aria-label={ariaLabel} onChange={(_e, v) => onChange(v)} />
      {value !== "" && (
        <TextInputGroupUtilities>
          {resultsCount !== undefined && resultsCount !== "" && (
            <Badge isRead screenReaderText=" results">
              {resultsCount}
            </Badge>
          )}
          <Button variant="plain" aria-label="Reset" onClick={clear} icon={<RhMicronsCloseIcon />} />
        </TextInputGroupUtilities>
      )}
    </TextInputGroup>
  );
}
