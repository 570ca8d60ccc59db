// The create-lease form (a view: values, problems and lab facts in; changes
// and submit out). What to lease, when and for how long, and tags.
import { Button } from "@/components/button/button";
import { CardBody, Card } from "@/components/card";
import { Radio } from "@/components/form/choice";
import { ActionGroup, FormGroup, FormSection, Form } from "@/components/form/form";
import type { FormEvent } from "react";
import { InlineAlert } from "@/components/inline-alert";
import { RouterAnchor } from "@/components/router-anchor";
import { Spinner } from "@/components/spinner";
import type { Exporter } from "@/gen/jumpstarter/client/v1/client_pb.js";
import type { CreateLeaseValues, FieldErrors } from "@/features/booking/create-lease-values";
import type { MatchCount } from "@/features/booking/exporter-matches";
import { LengthFields, StartFields } from "@/features/booking/lease-timing-fields";
import { SelectorBuilder } from "@/features/booking/selector-builder";
import { TagRowsField } from "@/features/booking/tag-rows-field";
import type { CreateLeaseLabParts } from "@/features/booking/create-lease-lab-parts-code";
import type { WindowOutlook } from "@/features/booking/window-outlook";

export interface CreateLeaseFormProps {
  /** The exporter picker and the window's outlook; undefined while their code loads. */
  readonly lab: CreateLeaseLabParts | undefined;
  readonly values: CreateLeaseValues;
  readonly onChange: (patch: Partial<CreateLeaseValues>) => void;
  readonly onPickLabel: (key: string, value: string) => void;
  /** The problems to show now (typed-in fields, or all after a submit). */
  readonly errors: FieldErrors;
  readonly catalog: ReadonlyMap<string, readonly string[]>;
  readonly count: MatchCount | undefined;
  readonly matchingNames: readonly string[];
  readonly exporters: readonly Exporter[] | undefined;
  readonly held: ReadonlySet<string>;
  readonly exportersProblem: string | undefined;
  /** False when the controller looks too old to keep tags ([V5]); undefined while unknown. */
  readonly keepsTags: boolean | undefined;
  /** One sentence saying what the request asks for, when it is complete. */
  readonly summary: string | undefined;
  readonly submitting: boolean;
  /** The controller's refusal (or the network's failure), in words. */
  readonly submitError: { readonly title: string; readonly message: string } | undefined;
  /** While a submit has no answer yet (slow, or the controller away and the portal retrying): what to say. */
  readonly waiting: { readonly title: string; readonly message: string } | undefined;
  readonly onStop: () => void;
  readonly onSubmit: () => void;
  /** Who has the boards in the chosen window; undefined until the window and the lab are known. */
  readonly outlook: WindowOutlook | undefined;
  readonly bookAnyway: boolean;
  readonly onBookAnyway: (confirmed: boolean) => void;
  readonly bookAnywayError: string | undefined;
}

export function CreateLeaseForm(props: CreateLeaseFormProps) {
  const { values, onChange, errors, lab } = props;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <Card className="portal-create-card">
      <CardBody>
        <Form onSubmit={submit} noValidate aria-label="New lease">
          <FormSection title="What to lease" titleElement="h2">
            <FormGroup role="radiogroup" fieldId="create-target" label="Lease" isInline>
              <Radio
                id="create-target-selector"
                name="create-target"
                label="Any exporter matching a selector"
                isChecked={values.target === "selector"}
                onChange={() => onChange({ target: "selector" })}
              />
              <Radio
                id="create-target-exporter"
                name="create-target"
                label="A specific exporter, by name"
                isChecked={values.target === "exporter"}
                onChange={() => onChange({ target: "exporter" })}
              />
            </FormGroup>
            {values.target === "selector" ? (
              <SelectorBuilder
                value={values.selector}
                onChange={(selector) => onChange({ selector })}
                onPick={props.onPickLabel}
                error={errors.selector}
                catalog={props.catalog}
                count={props.count}
                exportersProblem={props.exportersProblem}
                matchingNames={props.matchingNames}
              />
            ) : lab === undefined ? (
              <div className="portal-loading" role="status">
                <Spinner size="md" aria-hidden /> Loading the exporters…
              </div>
            ) : (
              <lab.ExporterPicker
                exporters={props.exporters}
                held={props.held}
                value={values.exporterName}
                onChange={(exporterName) => onChange({ exporterName })}
                error={errors.exporterName}
                exportersProblem={props.exportersProblem}
                scheduled={values.startMode === "at"}
              />
            )}
          </FormSection>
          <FormSection title="When and for how long" titleElement="h2">
            <StartFields values={values} onChange={onChange} errors={errors} />
            <LengthFields values={values} onChange={onChange} errors={errors} />
            <div aria-live="polite">
              {props.outlook !== undefined && lab !== undefined && (
                <lab.WindowOutlookPanel outlook={props.outlook} confirmed={props.bookAnyway} onConfirm={props.onBookAnyway} confirmError={props.bookAnywayError} />
              )}
            </div>
          </FormSection>
          <FormSection title="Tags" titleElement="h2">
            <TagRowsField
              rows={values.tags}
              onChange={(tags) => onChange({ tags })}
              error={errors.tags}
              warning={props.keepsTags === false ? "This controller looks older than 0.9 (its exporters carry no enabled flag): it may drop tags without saying so." : undefined}
            />
          </FormSection>
          {props.summary !== undefined && (
            <p className="portal-create-summary" role="status">
              {props.summary}
            </p>
          )}
          {props.submitError !== undefined && (
            <InlineAlert variant="danger" title={props.submitError.title}>
              <p>{props.submitError.message}</p>
            </InlineAlert>
          )}
          <div role="status" aria-live="polite">
            {props.waiting !== undefined && (
              <InlineAlert
                variant="warning"
                title={props.waiting.title}
                actionLinks={
                  <Button variant="link" isInline onClick={props.onStop}>
                    Stop trying
                  </Button>
                }
              >
                <p>{props.waiting.message}</p>
              </InlineAlert>
            )}
          </div>
          <ActionGroup>
            <Button type="submit" variant="primary" isLoading={props.submitting} isDisabled={props.submitting}>
              Create lease
            </Button>
            <Button component={RouterAnchor} href="/leases" variant="link">
              Cancel
            </Button>
          </ActionGroup>
        </Form>
      </CardBody>
    </Card>
  );
}
