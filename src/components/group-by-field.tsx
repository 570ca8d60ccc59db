// "Group by" a label key, for the exporters page and the timeline: the same
// words and the same "No grouping" choice on both.
import { FormSelectOption, FormSelect } from "@/components/form/form-select";
import { FormGroup } from "@/components/form/form";

export function GroupByField({ id, value, keys, onChange }: { id: string; value: string; keys: readonly string[]; onChange: (key: string) => void }) {
  return (
    <FormGroup label="Group by" fieldId={id}>
      <FormSelect id={id} value={value} onChange={(_e, v) => onChange(v)}>
        <FormSelectOption value="" label="No grouping" />
        {keys.map((k) => (
          <FormSelectOption key={k} value={k} label={k} />
        ))}
      </FormSelect>
    </FormGroup>
  );
}
