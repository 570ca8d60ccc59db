// PatternFly's checkbox and radio (its <Checkbox> and <Radio> markup: the
// input, its label, an optional description it is described by) for the
// props the portal uses, without their OUIA ids, id generator and class
// components (issue 13).
import "@patternfly/react-styles/css/components/Check/check.css";
import "@patternfly/react-styles/css/components/Radio/radio.css";
import { useId, type ChangeEvent, type ReactNode } from "react";
import { joinClasses } from "@/components/join-classes";

export interface ChoiceProps {
  readonly id: string;
  readonly name?: string;
  readonly label: ReactNode;
  /** A line under the label that the input is described by. */
  readonly description?: ReactNode;
  readonly isChecked: boolean;
  /** With the input's new checked state, as PatternFly's. */
  readonly onChange: (event: ChangeEvent<HTMLInputElement>, checked: boolean) => void;
  readonly isDisabled?: boolean;
  readonly className?: string;
}

function Choice({ kind, id, name, label, description, isChecked, onChange, isDisabled = false, className }: ChoiceProps & { readonly kind: "check" | "radio" }) {
  const descriptionId = useId();
  const hasDescription = description !== undefined && description !== null && description !== "";
  return (
    <div className={joinClasses(`pf-v6-c-${kind}`, className)}>
      <input
        id={id}
        name={name}
        className={`pf-v6-c-${kind}__input`}
        type={kind === "check" ? "checkbox" : "radio"}
        onChange={(event) => onChange(event, event.currentTarget.checked)}
        aria-invalid={false}
        aria-describedby={hasDescription ? descriptionId : undefined}
        disabled={isDisabled}
        checked={isChecked}
      />
      <label className={isDisabled ? `pf-v6-c-${kind}__label pf-m-disabled` : `pf-v6-c-${kind}__label`} htmlFor={id}>
        {label}
      </label>
      {hasDescription && (
        <span id={descriptionId} className={`pf-v6-c-${kind}__description`}>
          {description}
        </span>
      )}
    </div>
  );
}

export function Checkbox(props: ChoiceProps) {
  return <Choice kind="check" {...props} />;
}

export function Radio(props: ChoiceProps) {
  return <Choice kind="radio" {...props} />;
}
