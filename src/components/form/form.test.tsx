// The thin form parts draw what PatternFly's components draw for the props the portal uses (issue 13).
import { ActionGroup as PfActionGroup } from "@patternfly/react-core/dist/esm/components/Form/ActionGroup.js";
import { Form as PfForm } from "@patternfly/react-core/dist/esm/components/Form/Form.js";
import { FormGroup as PfFormGroup } from "@patternfly/react-core/dist/esm/components/Form/FormGroup.js";
import { FormHelperText as PfFormHelperText } from "@patternfly/react-core/dist/esm/components/Form/FormHelperText.js";
import { FormSection as PfFormSection } from "@patternfly/react-core/dist/esm/components/Form/FormSection.js";
import { FormSelect as PfFormSelect } from "@patternfly/react-core/dist/esm/components/FormSelect/FormSelect.js";
import { FormSelectOption as PfFormSelectOption } from "@patternfly/react-core/dist/esm/components/FormSelect/FormSelectOption.js";
import { HelperText as PfHelperText } from "@patternfly/react-core/dist/esm/components/HelperText/HelperText.js";
import { HelperTextItem as PfHelperTextItem } from "@patternfly/react-core/dist/esm/components/HelperText/HelperTextItem.js";
import { Checkbox as PfCheckbox } from "@patternfly/react-core/dist/esm/components/Checkbox/Checkbox.js";
import { Radio as PfRadio } from "@patternfly/react-core/dist/esm/components/Radio/Radio.js";
import { TextInput as PfTextInput } from "@patternfly/react-core/dist/esm/components/TextInput/TextInput.js";
import type { ComponentType, ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Checkbox, Radio, type ChoiceProps } from "@/components/form/choice";
import { ActionGroup, Form, FormGroup, FormHelperText, FormSection, type FormGroupProps } from "@/components/form/form";
import { FormSelect, FormSelectOption, type FormSelectProps } from "@/components/form/form-select";
import { HelperText, HelperTextItem, type HelperTextItemProps } from "@/components/form/helper-text";
import { TextInput, type TextInputProps } from "@/components/form/text-input";
import { withoutOuia } from "@/components/testing/without-ouia";

const same = (ours: ReactElement, theirs: ReactElement): void => expect(renderToStaticMarkup(ours)).toBe(withoutOuia(renderToStaticMarkup(theirs)));
// PatternFly's types are wider than ours: the cases are checked against ours.
const Pf = <P,>(c: unknown) => c as ComponentType<P>;

describe("Form", () => {
  it("draws PatternFly's form", () => {
    same(<Form aria-label="New lease" id="f" className="portal-x">x</Form>, <PfForm aria-label="New lease" id="f" className="portal-x">x</PfForm>);
  });
  it("draws PatternFly's helper text and action group", () => {
    same(<FormHelperText>x</FormHelperText>, <PfFormHelperText>x</PfFormHelperText>);
    same(<ActionGroup className="portal-sign-in__section">b</ActionGroup>, <PfActionGroup className="portal-sign-in__section">b</PfActionGroup>);
  });

  it("draws PatternFly's form section: a group named by its heading", () => {
    // Both generate the heading's id, each its own way: compare the markup with the ids named alike.
    const ids = (html: string): string => {
      const id = /id="([^"]+)"/.exec(html)?.[1] ?? "none";
      return html.replaceAll(id, "ID");
    };
    const ours = renderToStaticMarkup(<FormSection title="Tags">rows</FormSection>);
    const theirs = withoutOuia(renderToStaticMarkup(<PfFormSection title="Tags" titleElement="h2">rows</PfFormSection>));
    expect(ours).toContain('aria-labelledby="');
    expect(ids(ours)).toBe(ids(theirs));
  });

  const GROUPS: [string, FormGroupProps][] = [
    ["labelled field", { label: "Search", fieldId: "exporters-search", children: "input" }],
    ["required", { label: "Token", fieldId: "sign-in-token", isRequired: true, children: "input" }],
    ["no label", { fieldId: "sign-in-remember", children: "checkbox" }],
    ["radio group, inline", { label: "Start", fieldId: "create-start", role: "radiogroup", isInline: true, children: "radios" }],
    ["group", { label: "Duration", fieldId: "create-duration", role: "group", className: "portal-x", children: "toggles" }],
    ["label help", { label: "Label selector", fieldId: "s", labelHelp: <button type="button">?</button>, children: "input" }],
  ];
  it.each(GROUPS)("draws what PatternFly's FormGroup draws: %s", (_name, props) => {
    const PfGroup = Pf<FormGroupProps>(PfFormGroup);
    same(<FormGroup {...props} />, <PfGroup {...props} />);
  });
});

describe("HelperText", () => {
  it("draws PatternFly's helper text, live or not", () => {
    same(<HelperText id="m">x</HelperText>, <PfHelperText id="m">x</PfHelperText>);
    same(<HelperText isLiveRegion id="m">x</HelperText>, <PfHelperText isLiveRegion id="m">x</PfHelperText>);
  });
  const ITEMS: HelperTextItemProps[] = [{ children: "Plain" }, { variant: "error", id: "e", children: "Bad" }, { variant: "warning", children: "Careful" }, { variant: "success", children: "Good" }];
  it.each(ITEMS)("draws what PatternFly's HelperTextItem draws: %o", (props) => {
    const PfItem = Pf<HelperTextItemProps>(PfHelperTextItem);
    same(<HelperTextItem {...props} />, <PfItem {...props} />);
  });
});

describe("TextInput", () => {
  const INPUTS: TextInputProps[] = [
    { id: "exporters-search", type: "search", value: "rcar", "aria-label": "Search" },
    { id: "sign-in-token", name: "token", type: "password", value: "a\nb", validated: "error", isRequired: true },
    { id: "create-start-time", type: "datetime-local", value: "", validated: "default", placeholder: "when" },
    { id: "x", value: "v", validated: "warning", isDisabled: true },
    { id: "y", value: "v", validated: "success", readOnly: true, autoComplete: "off", "aria-describedby": "m" },
  ];
  it.each(INPUTS)("draws what PatternFly's TextInput draws: %o", (props) => {
    const PfInput = Pf<TextInputProps>(PfTextInput);
    same(<TextInput {...props} onChange={() => undefined} />, <PfInput {...props} onChange={() => undefined} />);
  });
});

describe("FormSelect", () => {
  const SELECTS: FormSelectProps[] = [{ id: "exporters-sort", value: "name" }, { id: "s", value: "", validated: "error" }, { id: "t", value: "b", isDisabled: true, "aria-label": "T" }];
  it.each(SELECTS)("draws what PatternFly's FormSelect draws: %o", (props) => {
    const PfSelect = Pf<FormSelectProps>(PfFormSelect);
    same(
      <FormSelect {...props} onChange={() => undefined}>
        <FormSelectOption value="" label="All statuses" isPlaceholder />
        <FormSelectOption value="name" label="Name" />
        <FormSelectOption value="b" label="B" isDisabled />
      </FormSelect>,
      <PfSelect {...props} onChange={() => undefined}>
        <PfFormSelectOption value="" label="All statuses" isPlaceholder />
        <PfFormSelectOption value="name" label="Name" />
        <PfFormSelectOption value="b" label="B" isDisabled />
      </PfSelect>,
    );
  });
});

describe("Checkbox and Radio", () => {
  // The description's id is generated (PatternFly's and React's own forms differ).
  const sameIds = (html: string): string => html.replace(/(id|aria-describedby)="(pf-checkbox-description-|pf-radio-description-|«|_R_)[^"]*"/g, '$1="generated"');
  const CHOICES: ChoiceProps[] = [
    { id: "sign-in-remember", label: "Remember on this device", description: "Keeps you signed in.", isChecked: true, onChange: () => undefined },
    { id: "create-start-now", name: "create-start", label: "Now", isChecked: false, onChange: () => undefined },
    { id: "d", label: "Disabled", isChecked: false, isDisabled: true, className: "portal-x", onChange: () => undefined },
  ];
  it.each(CHOICES)("draws what PatternFly's Checkbox draws: %o", (props) => {
    const PfCheck = Pf<ChoiceProps>(PfCheckbox);
    expect(sameIds(renderToStaticMarkup(<Checkbox {...props} />))).toBe(sameIds(withoutOuia(renderToStaticMarkup(<PfCheck {...props} />))));
  });
  it.each(CHOICES)("draws what PatternFly's Radio draws: %o", (props) => {
    const PfRad = Pf<ChoiceProps>(PfRadio);
    expect(sameIds(renderToStaticMarkup(<Radio {...props} />))).toBe(sameIds(withoutOuia(renderToStaticMarkup(<PfRad {...props} />))));
  });
});
