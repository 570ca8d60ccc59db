// When the lease starts and how long it lasts: start now or at a chosen
// time; a duration (presets or typed) or an end time. Times are in the
// user's own zone, which is named under the fields.
import { ToggleGroupItem, ToggleGroup } from "@/components/toggle-group";
import { Radio } from "@/components/form/choice";
import { TextInput } from "@/components/form/text-input";
import { HelperTextItem, HelperText } from "@/components/form/helper-text";
import { FormHelperText, FormGroup } from "@/components/form/form";
import {
  CUSTOM_DURATION,
  DURATION_PRESETS,
  type CreateLeaseValues,
  type FieldErrors,
} from "@/features/booking/create-lease-values";

export interface LeaseTimingFieldsProps {
  readonly values: CreateLeaseValues;
  readonly onChange: (patch: Partial<CreateLeaseValues>) => void;
  /** The problems to show now. */
  readonly errors: FieldErrors;
}

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function Message({ id, error, hint }: { id: string; error: string | undefined; hint: string }) {
  return (
    <FormHelperText>
      <HelperText id={id} isLiveRegion>
        {error !== undefined ? <HelperTextItem variant="error">{error}</HelperTextItem> : <HelperTextItem>{hint}</HelperTextItem>}
      </HelperText>
    </FormHelperText>
  );
}

export function StartFields({ values, onChange, errors }: LeaseTimingFieldsProps) {
  return (
    <>
      <FormGroup role="radiogroup" fieldId="create-start" label="Start" isInline>
        <Radio id="create-start-now" name="create-start" label="Now, as soon as a board is free" isChecked={values.startMode === "now"} onChange={() => onChange({ startMode: "now" })} />
        <Radio id="create-start-at" name="create-start" label="At a chosen time" isChecked={values.startMode === "at"} onChange={() => onChange({ startMode: "at" })} />
      </FormGroup>
      {values.startMode === "at" && (
        <FormGroup label="Start at" fieldId="create-start-time" isRequired>
          <TextInput
            id="create-start-time"
            type="datetime-local"
            value={values.startAt}
            onChange={(_e, v) => onChange({ startAt: v })}
            validated={errors.startAt !== undefined ? "error" : "default"}
            aria-describedby="create-start-time-message"
            isRequired
          />
          <Message id="create-start-time-message" error={errors.startAt} hint={`In your time zone (${TIME_ZONE}). The controller assigns a board then.`} />
        </FormGroup>
      )}
    </>
  );
}

export function LengthFields({ values, onChange, errors }: LeaseTimingFieldsProps) {
  const custom = values.durationChoice === CUSTOM_DURATION;
  return (
    <>
      <FormGroup role="radiogroup" fieldId="create-length" label="Length" isInline>
        <Radio id="create-length-duration" name="create-length" label="For a duration" isChecked={values.lengthMode === "duration"} onChange={() => onChange({ lengthMode: "duration" })} />
        <Radio id="create-length-end" name="create-length" label="Until an end time" isChecked={values.lengthMode === "end"} onChange={() => onChange({ lengthMode: "end" })} />
      </FormGroup>
      {values.lengthMode === "duration" ? (
        <>
          <FormGroup fieldId="create-duration" label="Duration" role="group">
            <ToggleGroup aria-labelledby="create-duration-legend">
              {DURATION_PRESETS.map((p) => (
                <ToggleGroupItem key={p.id} text={p.label} buttonId={`create-duration-${p.id}`} isSelected={values.durationChoice === p.id} onChange={() => onChange({ durationChoice: p.id })} />
              ))}
              <ToggleGroupItem text="Custom" buttonId="create-duration-custom" isSelected={custom} onChange={() => onChange({ durationChoice: CUSTOM_DURATION })} />
            </ToggleGroup>
            {!custom && errors.duration !== undefined && <Message id="create-duration-message" error={errors.duration} hint="" />}
          </FormGroup>
          {custom && (
            <FormGroup label="Custom duration" fieldId="create-custom-duration" isRequired>
              <TextInput
                id="create-custom-duration"
                value={values.customDuration}
                onChange={(_e, v) => onChange({ customDuration: v })}
                validated={errors.duration !== undefined ? "error" : "default"}
                aria-describedby="create-custom-duration-message"
                placeholder="90m, 2h, 1h30m, 3d"
                autoComplete="off"
                spellCheck={false}
                isRequired
              />
              <Message id="create-custom-duration-message" error={errors.duration} hint="For example 90m, 2h, 1h30m or 3d; a bare number is minutes." />
            </FormGroup>
          )}
        </>
      ) : (
        <FormGroup label="End at" fieldId="create-end-time" isRequired>
          <TextInput
            id="create-end-time"
            type="datetime-local"
            value={values.endAt}
            onChange={(_e, v) => onChange({ endAt: v })}
            validated={errors.endAt !== undefined ? "error" : "default"}
            aria-describedby="create-end-time-message"
            isRequired
          />
          <Message id="create-end-time-message" error={errors.endAt} hint={`In your time zone (${TIME_ZONE}). The lease ends then, whenever it started.`} />
        </FormGroup>
      )}
    </>
  );
}
