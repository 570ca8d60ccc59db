// PatternFly's select (its <FormSelect> and <FormSelectOption> markup: the
// form-control frame, the native select, its caret) without its OUIA ids
// and class component (issue 13).
import RhMicronsCaretDownFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-microns-caret-down-fill-icon";
import { Children, isValidElement, type ChangeEvent, type ComponentProps, type ReactNode } from "react";
import { formControlClasses, hasStatus, StatusIcon, type Validated } from "@/components/form/form-control";

export interface FormSelectOptionProps {
  readonly value?: string;
  readonly label: ReactNode;
  readonly isDisabled?: boolean;
  /** Shown as a placeholder (muted) while selected. */
  readonly isPlaceholder?: boolean;
  readonly className?: string;
}

export function FormSelectOption({ value = "", label, isDisabled = false, className = "" }: FormSelectOptionProps) {
  return (
    <option className={className} value={value} disabled={isDisabled}>
      {label}
    </option>
  );
}

export interface FormSelectProps extends Omit<ComponentProps<"select">, "onChange" | "value" | "disabled" | "required"> {
  readonly value?: string;
  /** With the new value, as PatternFly's. */
  readonly onChange?: (event: ChangeEvent<HTMLSelectElement>, value: string) => void;
  readonly validated?: Validated;
  readonly isDisabled?: boolean;
  readonly isRequired?: boolean;
}

export function FormSelect({ value = "", onChange, validated = "default", isDisabled = false, isRequired = false, className, children, ...rest }: FormSelectProps) {
  const selected = Children.toArray(children).find((option) => isValidElement<FormSelectOptionProps>(option) && option.props.value === value);
  const isPlaceholder = isValidElement<FormSelectOptionProps>(selected) && selected.props.isPlaceholder === true;
  return (
    <span className={formControlClasses([isDisabled && "pf-m-disabled", isPlaceholder && "pf-m-placeholder"], validated, className)}>
      <select {...rest} aria-invalid={validated === "error"} onChange={(event) => onChange?.(event, event.currentTarget.value)} disabled={isDisabled} required={isRequired} value={value}>
        {children}
      </select>
      <span className="pf-v6-c-form-control__utilities">
        {hasStatus(validated) && <StatusIcon validated={validated} />}
        <span className="pf-v6-c-form-control__toggle-icon">
          <RhMicronsCaretDownFillIcon />
        </span>
      </span>
    </span>
  );
}
