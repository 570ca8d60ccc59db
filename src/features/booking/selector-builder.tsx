// The selector of a lease, built from the lab's real labels (pick a key,
// then one of its values) or typed; checked as you type, with a live count
// of the exporters it matches and how many of them are free now.
import { FormSelectOption, FormSelect } from "@/components/form/form-select";
import { TextInput } from "@/components/form/text-input";
import { HelperTextItem, HelperText } from "@/components/form/helper-text";
import { FormHelperText, FormGroup } from "@/components/form/form";
import { Button } from "@/components/button/button";
import { useRef, useState } from "react";
import { Flex, FlexItem } from "@/components/flex";
import { SelectorPointer } from "@/components/selector-pointer";
import { parseSelector } from "@/domain/selector";
import type { MatchCount } from "@/features/booking/exporter-matches";
import { SELECTOR_PLACEHOLDER, selectorProblemText } from "@/lib/selector-words";

export interface SelectorBuilderProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** Adds key=value to the selector (replacing the key's term). */
  readonly onPick: (key: string, value: string) => void;
  /** The field's problem, when it should be shown. */
  readonly error: string | undefined;
  /** The lab's label keys and their values. */
  readonly catalog: ReadonlyMap<string, readonly string[]>;
  /** Matches of the current (valid) selector; undefined while unknown. */
  readonly count: MatchCount | undefined;
  /** Why the exporters are unknown, in people's words. */
  readonly exportersProblem: string | undefined;
  /** The first few free matching exporters' names (or matching ones, when none is free). */
  readonly matchingNames: readonly string[];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function CountText({ count, names }: { count: MatchCount; names: readonly string[] }) {
  if (count.matching === 0) {
    return (
      <HelperTextItem variant="warning">
        No exporter matches this selector: the controller would end the lease at once as Unsatisfiable.
      </HelperTextItem>
    );
  }
  const matches = plural(count.matching, "exporter matches", "exporters match");
  if (count.free === 0) {
    const which = names.length > 0 ? ` (${names.join(", ")}${count.matching > names.length ? ", …" : ""})` : "";
    return <HelperTextItem variant="warning">{`${matches}${which}, none free now: the lease will wait (Pending) until one is.`}</HelperTextItem>;
  }
  const free = `${names.join(", ")}${count.free > names.length ? ", …" : ""}`;
  return <HelperTextItem variant="success">{`${matches}, ${count.free} free now: ${free}.`}</HelperTextItem>;
}

export function SelectorBuilder({ value, onChange, onPick, error, catalog, count, exportersProblem, matchingNames }: SelectorBuilderProps) {
  const [key, setKey] = useState("");
  const [pickedValue, setPickedValue] = useState("");
  const values = catalog.get(key) ?? [];
  const keys = [...catalog.keys()];
  const addRef = useRef<HTMLButtonElement>(null);
  // A selector that does not parse reads as on the exporters page (same words, same pointer);
  // the form's own message stays for the rest (empty, or refused for a lease).
  const syntax = error === undefined ? undefined : parseSelector(value);
  const syntaxError = syntax !== undefined && !syntax.ok ? syntax.error : undefined;
  const shownError = syntaxError !== undefined ? selectorProblemText(syntaxError) : error;
  const canAdd = key !== "" && values.includes(pickedValue);

  return (
    <>
      <Flex alignItems={{ default: "alignItemsFlexEnd" }} gap={{ default: "gapSm" }} className="portal-label-picker">
        <FlexItem>
          <FormGroup label="Label key" fieldId="create-label-key">
            <FormSelect
              id="create-label-key"
              value={key}
              onChange={(_e, k) => {
                setKey(k);
                setPickedValue("");
              }}
              isDisabled={keys.length === 0}
            >
              <FormSelectOption value="" label={keys.length === 0 ? "No labels known yet" : "Choose a key"} />
              {keys.map((k) => (
                <FormSelectOption key={k} value={k} label={k} />
              ))}
            </FormSelect>
          </FormGroup>
        </FlexItem>
        <FlexItem>
          <FormGroup label="Label value" fieldId="create-label-value">
            <FormSelect id="create-label-value" value={pickedValue} onChange={(_e, v) => setPickedValue(v)} isDisabled={key === ""}>
              <FormSelectOption value="" label={key === "" ? "Choose a key first" : "Choose a value"} />
              {values.map((v) => (
                <FormSelectOption key={v} value={v} label={v === "" ? "(empty)" : v} />
              ))}
            </FormSelect>
          </FormGroup>
        </FlexItem>
        <FlexItem>
          {/* aria-disabled, not disabled: once the pick is added the button stays focused (a
              disabled button drops focus to the page), and the live count below says what changed. */}
          <Button
            ref={addRef}
            variant="secondary"
            isAriaDisabled={!canAdd}
            onClick={() => {
              if (!canAdd) return;
              onPick(key, pickedValue);
              setPickedValue("");
              addRef.current?.focus();
            }}
          >
            Add to selector
          </Button>
        </FlexItem>
      </Flex>
      <FormGroup label="Label selector" fieldId="create-selector" isRequired className="portal-selector-input">
        <TextInput
          id="create-selector"
          value={value}
          onChange={(_e, v) => onChange(v)}
          validated={shownError !== undefined ? "error" : "default"}
          aria-describedby="create-selector-message"
          placeholder={SELECTOR_PLACEHOLDER}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          isRequired
        />
        <FormHelperText>
          {syntaxError !== undefined && <SelectorPointer text={value} error={syntaxError} />}
          <HelperText id="create-selector-message" isLiveRegion>
            {shownError !== undefined ? (
              <HelperTextItem variant="error">{shownError}</HelperTextItem>
            ) : exportersProblem !== undefined ? (
              <HelperTextItem variant="warning">{`Matches unknown: ${exportersProblem}`}</HelperTextItem>
            ) : count !== undefined && value.trim() !== "" ? (
              <CountText count={count} names={matchingNames} />
            ) : (
              <HelperTextItem>
                Pick a label above or type: <code>k=v</code>, <code>k!=v</code>, <code>k in (a,b)</code>, <code>k notin (a,b)</code>, <code>k</code>, <code>!k</code>; commas mean AND.
              </HelperTextItem>
            )}
          </HelperText>
        </FormHelperText>
      </FormGroup>
    </>
  );
}
