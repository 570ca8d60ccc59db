// The free-text search of the exporters page and the timeline: one label and
// one placeholder, so both pages read alike.
import { TextInput } from "@/components/form/text-input";
import { FormGroup } from "@/components/form/form";

export function SearchField({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  return (
    <FormGroup label="Search" fieldId={id}>
      <TextInput id={id} type="search" value={value} onChange={(_e, v) => onChange(v)} placeholder="Name, label value, holder" autoComplete="off" spellCheck={false} />
    </FormGroup>
  );
}
