// PatternFly's text input (its <TextInput> markup: the form-control frame,
// the input, the status icon) for the props the portal uses, without its
// truncation machinery, OUIA ids and class component (issue 13).
import type { ChangeEvent, ComponentProps } from "react";
import { formControlClasses, hasStatus, StatusIcon, type Validated } from "@/components/form/form-control";

export interface TextInputProps extends Omit<ComponentProps<"input">, "onChange" | "value" | "disabled" | "required"> {
  readonly value?: string | number;
  /** With the new value, as PatternFly's. */
  readonly onChange?: (event: ChangeEvent<HTMLInputElement>, value: string) => void;
  readonly validated?: Validated;
  readonly isDisabled?: boolean;
  readonly isRequired?: boolean;
}

export function TextInput({ value, onChange, validated = "default", isDisabled = false, isRequired = false, readOnly, type = "text", className, placeholder, ...rest }: TextInputProps) {
  return (
    <span className={formControlClasses([isDisabled && "pf-m-disabled"], validated, className)}>
      <input
        {...rest}
        onChange={(event) => onChange?.(event, event.currentTarget.value)}
        type={type}
        // As PatternFly: a line break pasted into a one-line field becomes a space.
        value={typeof value === "string" ? value.replace(/\n/g, " ") : value}
        aria-invalid={rest["aria-invalid"] ?? validated === "error"}
        required={isRequired}
        disabled={isDisabled}
        readOnly={readOnly === true}
        placeholder={placeholder}
      />
      {hasStatus(validated) && (
        <span className="pf-v6-c-form-control__utilities">
          <StatusIcon validated={validated} />
        </span>
      )}
    </span>
  );
}
