// The label-selector input: checked as you type with the Kubernetes grammar;
// a problem is explained under the field (in the same words as the new-lease
// form) and pointed at in the text. The grammar is one click away, in the
// label's help, so the field takes one line until something is wrong.
import { TextInput } from "@/components/form/text-input";
import { HelperTextItem, HelperText } from "@/components/form/helper-text";
import { FormHelperText, FormGroup } from "@/components/form/form";
import { LazyLabelHelp } from "@/components/lazy-tooltip/lazy-label-help";
import { SelectorPointer } from "@/components/selector-pointer";
import type { SelectorError } from "@/domain/selector";
import { SELECTOR_PLACEHOLDER, selectorProblemText } from "@/lib/selector-words";

export interface SelectorFieldProps {
  readonly id: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** The browser's parse error for `value`, if any (then nothing is sent). */
  readonly error: SelectorError | undefined;
  /** The controller's refusal of the last selector sent, in its words. */
  readonly serverError: string | undefined;
}

function SelectorSyntax() {
  return (
    <>
      <p>Sent to the controller, which keeps only the exporters whose labels match:</p>
      <p>
        <code>k=v</code>, <code>k!=v</code>, <code>k in (a,b)</code>, <code>k notin (a,b)</code>, <code>k</code> (has the label),{" "}
        <code>!k</code> (lacks it), <code>k&gt;N</code>, <code>k&lt;N</code>; commas mean AND.
      </p>
      <p>
        Example: <code>board=rcar-s4,site in (bcn,brno)</code>
      </p>
    </>
  );
}

export function SelectorField({ id, value, onChange, error, serverError }: SelectorFieldProps) {
  const messageId = `${id}-message`;
  const invalid = error !== undefined || serverError !== undefined;
  return (
    <FormGroup
      label="Label selector"
      fieldId={id}
      className="portal-selector-field"
      labelHelp={<LazyLabelHelp aria-label="Selector syntax" headerContent="Label selector" bodyContent={<SelectorSyntax />} />}
    >
      <TextInput
        id={id}
        value={value}
        onChange={(_e, v) => onChange(v)}
        validated={invalid ? "error" : "default"}
        aria-describedby={messageId}
        placeholder={SELECTOR_PLACEHOLDER}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
      />
      <FormHelperText>
        {error !== undefined && <SelectorPointer text={value} error={error} />}
        <HelperText id={messageId} isLiveRegion>
          {error !== undefined ? (
            <>
              <HelperTextItem variant="error">{selectorProblemText(error)}</HelperTextItem>
              <HelperTextItem>Not sent: the list still shows the last valid selector&apos;s results.</HelperTextItem>
            </>
          ) : serverError !== undefined ? (
            <HelperTextItem variant="error">{`The controller refused this selector: ${serverError}`}</HelperTextItem>
          ) : null}
        </HelperText>
      </FormHelperText>
    </FormGroup>
  );
}
