// The label-selector input: checked as you type with the Kubernetes grammar;
// a problem is explained under the field and pointed at in the text.
import { FormGroup, FormHelperText, HelperText, HelperTextItem, TextInput } from "@patternfly/react-core";
import type { SelectorError } from "@/domain/selector";

export interface SelectorFieldProps {
  readonly id: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** The browser's parse error for `value`, if any (then nothing is sent). */
  readonly error: SelectorError | undefined;
  /** The controller's refusal of the last selector sent, in its words. */
  readonly serverError: string | undefined;
}

/** The typed text with the offending part marked (a caret at the end when the text stops short). */
function ErrorPointer({ text, error }: { text: string; error: SelectorError }) {
  const start = Math.min(error.position, text.length);
  const end = Math.min(text.length, start + error.length);
  const bad = text.slice(start, end);
  return (
    <p className="portal-selector-caret" aria-hidden>
      {text.slice(0, start)}
      <span className="portal-selector-caret__bad">{bad === "" ? "␣" : bad}</span>
      {text.slice(end)}
    </p>
  );
}

export function SelectorField({ id, value, onChange, error, serverError }: SelectorFieldProps) {
  const messageId = `${id}-message`;
  const invalid = error !== undefined || serverError !== undefined;
  return (
    <FormGroup label="Label selector" fieldId={id} className="portal-selector-field">
      <TextInput
        id={id}
        value={value}
        onChange={(_e, v) => onChange(v)}
        validated={invalid ? "error" : "default"}
        aria-describedby={messageId}
        placeholder="board=rcar-s4,site in (bcn,brno)"
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
      />
      <FormHelperText>
        {error !== undefined && <ErrorPointer text={value} error={error} />}
        <HelperText id={messageId} isLiveRegion>
          {error !== undefined ? (
            <HelperTextItem variant="error">
              {`${error.message.replace(/\.$/, "")}. Not sent: the list still shows the last valid selector's results.`}
            </HelperTextItem>
          ) : serverError !== undefined ? (
            <HelperTextItem variant="error">{`The controller refused this selector: ${serverError}`}</HelperTextItem>
          ) : (
            <HelperTextItem>
              Sent to the controller: <code>k=v</code>, <code>k!=v</code>, <code>k in (a,b)</code>, <code>k notin (a,b)</code>,{" "}
              <code>k</code>, <code>!k</code>, <code>k&gt;N</code>, <code>k&lt;N</code>; commas mean AND.
            </HelperTextItem>
          )}
        </HelperText>
      </FormHelperText>
    </FormGroup>
  );
}
