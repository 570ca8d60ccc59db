// The frame PatternFly draws around a text input or a select (its
// form-control markup: the status modifier and icon), shared by
// text-input.tsx and form-select.tsx.
import "@patternfly/react-styles/css/components/FormControl/form-control.css";
import RhUiCheckCircleFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-check-circle-fill-icon";
import RhUiErrorFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-error-fill-icon";
import RhUiWarningFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-warning-fill-icon";

export type Validated = "default" | "success" | "warning" | "error";

const STATUS_ICONS = { success: RhUiCheckCircleFillIcon, error: RhUiErrorFillIcon, warning: RhUiWarningFillIcon } as const;

export function hasStatus(validated: Validated): validated is Exclude<Validated, "default"> {
  return validated !== "default";
}

/** The classes of the frame, in PatternFly's order. */
export function formControlClasses(modifiers: readonly (string | false)[], validated: Validated, className: string | undefined): string {
  const classes = ["pf-v6-c-form-control", ...modifiers.filter((m): m is string => m !== false)];
  if (hasStatus(validated)) classes.push(`pf-m-${validated}`);
  if (className !== undefined && className !== "") classes.push(className);
  return classes.join(" ");
}

export function StatusIcon({ validated }: { readonly validated: Exclude<Validated, "default"> }) {
  const Icon = STATUS_ICONS[validated];
  return (
    <span className="pf-v6-c-form-control__icon pf-m-status">
      <Icon />
    </span>
  );
}
