// PatternFly's form layout (its <Form>, <FormSection>, <FormGroup>,
// <FormHelperText> and <ActionGroup> markup) for the props the portal uses, without the class
// map of every form modifier or the id helper (issue 13).
import "@patternfly/react-styles/css/components/Form/form.css";
import { isValidElement, useId, type ComponentProps, type ReactNode } from "react";
import { joinClasses } from "@/components/join-classes";

/** A form that does its own validation (noValidate, as PatternFly's). */
export function Form({ className, children, ...rest }: ComponentProps<"form">) {
  return (
    <form noValidate {...rest} className={joinClasses("pf-v6-c-form", className)}>
      {children}
    </form>
  );
}

export interface FormGroupProps {
  readonly label?: ReactNode;
  /** The help button beside the label (a popover's trigger). */
  readonly labelHelp?: ReactNode;
  readonly isRequired?: boolean;
  /** Controls side by side (radios, checkboxes). */
  readonly isInline?: boolean;
  /** The control the label is for; also names the legend of a group. */
  readonly fieldId?: string;
  /** A group of controls: the label becomes the group's name (aria-labelledby), not a <label>. */
  readonly role?: "group" | "radiogroup";
  readonly className?: string;
  readonly children?: ReactNode;
}

export function FormGroup({ label, labelHelp, isRequired = false, isInline = false, fieldId, role, className, children }: FormGroupProps) {
  const generated = useId();
  const isGroup = role === "group" || role === "radiogroup";
  const legendId = `${fieldId ?? generated}-legend`;
  const Label = isGroup ? "span" : "label";
  return (
    <div className={joinClasses("pf-v6-c-form__group", className)} {...(role === undefined ? {} : { role })} {...(isGroup ? { "aria-labelledby": legendId } : {})}>
      {label !== undefined && label !== null && label !== "" && (
        <div className="pf-v6-c-form__group-label" {...(isGroup ? { id: legendId } : {})}>
          <Label className="pf-v6-c-form__label" {...(isGroup ? {} : { htmlFor: fieldId })}>
            <span className="pf-v6-c-form__label-text">{label}</span>
            {isRequired && (
              <span className="pf-v6-c-form__label-required" aria-hidden="true">
                {"\u00A0"}*
              </span>
            )}
          </Label>
          {"\u00A0\u00A0"}
          {isValidElement(labelHelp) && <span className="pf-v6-c-form__group-label-help">{labelHelp}</span>}
        </div>
      )}
      <div className={isInline ? "pf-v6-c-form__group-control pf-m-inline" : "pf-v6-c-form__group-control"}>{children}</div>
    </div>
  );
}

export function FormHelperText({ className, children }: { readonly className?: string; readonly children?: ReactNode }) {
  return <div className={joinClasses("pf-v6-c-form__helper-text", className)}>{children}</div>;
}

export function ActionGroup({ className, children }: { readonly className?: string; readonly children?: ReactNode }) {
  return (
    <div className={joinClasses("pf-v6-c-form__group pf-m-action", className)}>
      <div className="pf-v6-c-form__group-control">
        <div className="pf-v6-c-form__actions">{children}</div>
      </div>
    </div>
  );
}

export interface FormSectionProps {
  /** The section's heading, which also names its group. */
  readonly title: ReactNode;
  readonly titleElement?: "h2" | "h3" | "h4";
  readonly children?: ReactNode;
}

/** A titled part of a form: a group named by its heading, as PatternFly's <FormSection> draws it. */
export function FormSection({ title, titleElement: Heading = "h2", children }: FormSectionProps) {
  const titleId = useId();
  return (
    <section className="pf-v6-c-form__section" role="group" aria-labelledby={titleId}>
      <Heading id={titleId} className="pf-v6-c-form__section-title">
        {title}
      </Heading>
      {children}
    </section>
  );
}
