// The tag filter: a label selector over the leases' tags (sent as
// tag_filter), checked as you type; problems are explained under the field.
import { TextInput } from "@/components/form/text-input";
import { HelperTextItem, HelperText } from "@/components/form/helper-text";
import { FormHelperText, FormGroup } from "@/components/form/form";
import { selectorErrorText, type SelectorError } from "@/domain/selector";

export interface TagFilterFieldProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** The browser's parse error for `value`, if any (then nothing is sent). */
  readonly error: SelectorError | undefined;
  /** The controller's refusal of the last filter sent, in its words. */
  readonly serverError: string | undefined;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function TagFilterField({ value, onChange, error, serverError }: TagFilterFieldProps) {
  const invalid = error !== undefined || serverError !== undefined;
  return (
    <FormGroup label="Tag filter" fieldId="lease-tag-filter" className="portal-tag-filter">
      <TextInput
        id="lease-tag-filter"
        value={value}
        onChange={(_e, v) => onChange(v)}
        validated={invalid ? "error" : "default"}
        aria-describedby="lease-tag-filter-message"
        placeholder="team=bsp,ticket"
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
      />
      <FormHelperText>
        <HelperText id="lease-tag-filter-message" isLiveRegion>
          {error !== undefined ? (
            <HelperTextItem variant="error">{`${capitalise(selectorErrorText(error))}. Not applied: the list shows the last valid filter's results.`}</HelperTextItem>
          ) : serverError !== undefined ? (
            <HelperTextItem variant="error">{`The controller refused this filter: ${serverError}`}</HelperTextItem>
          ) : (
            <HelperTextItem>
              A label selector over tags: <code>team=bsp</code>, <code>ci in (nightly,weekly)</code>, <code>ticket</code>.
            </HelperTextItem>
          )}
        </HelperText>
      </FormHelperText>
    </FormGroup>
  );
}
