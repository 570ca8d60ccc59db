// A lease's tags as key/value rows (at most 10), checked with the server's
// rules; the whole set's problem shows under the rows.
import { TextInput } from "@/components/form/text-input";
import { HelperTextItem, HelperText } from "@/components/form/helper-text";
import { FormHelperText, FormGroup } from "@/components/form/form";
import { Button } from "@/components/button/button";
import { MinusCircleIcon, PlusCircleIcon } from "@patternfly/react-icons";
import { DEFAULT_MAX_TAGS } from "@/domain/lease-fields";
import type { TagRow } from "@/domain/create-lease-link";

export interface TagRowsFieldProps {
  readonly rows: readonly TagRow[];
  readonly onChange: (rows: readonly TagRow[]) => void;
  readonly error: string | undefined;
  /** A warning that this controller may not keep tags ([V1]), shown when tags are entered. */
  readonly warning?: string | undefined;
}

export function TagRowsField({ rows, onChange, error, warning }: TagRowsFieldProps) {
  const set = (i: number, patch: Partial<TagRow>): void => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <FormGroup fieldId="create-tags">
      {rows.map((row, i) => (
        <div key={i} className="portal-tag-row">
          <TextInput
            id={`create-tag-${i}-key`}
            aria-label={`Tag ${i + 1} key`}
            placeholder="key (team)"
            value={row.key}
            onChange={(_e, v) => set(i, { key: v })}
            validated={error !== undefined ? "error" : "default"}
            aria-describedby="create-tags-message"
            autoComplete="off"
            spellCheck={false}
          />
          <span aria-hidden className="portal-tag-row__eq">
            =
          </span>
          <TextInput
            id={`create-tag-${i}-value`}
            aria-label={`Tag ${i + 1} value`}
            placeholder="value (bsp)"
            value={row.value}
            onChange={(_e, v) => set(i, { value: v })}
            validated={error !== undefined ? "error" : "default"}
            aria-describedby="create-tags-message"
            autoComplete="off"
            spellCheck={false}
          />
          <Button variant="plain" aria-label={`Remove tag ${i + 1}`} icon={<MinusCircleIcon />} onClick={() => onChange(rows.filter((_r, j) => j !== i))} />
        </div>
      ))}
      <Button variant="link" isInline icon={<PlusCircleIcon />} isDisabled={rows.length >= DEFAULT_MAX_TAGS} onClick={() => onChange([...rows, { key: "", value: "" }])}>
        Add tag
      </Button>
      <FormHelperText>
        <HelperText id="create-tags-message" isLiveRegion>
          {error !== undefined ? (
            <HelperTextItem variant="error">{error}</HelperTextItem>
          ) : warning !== undefined && rows.some((r) => r.key.trim() !== "") ? (
            <HelperTextItem variant="warning">{warning}</HelperTextItem>
          ) : (
            <HelperTextItem>{`Optional, up to ${DEFAULT_MAX_TAGS}: find leases by tag later (team=bsp, ticket=JIRA-42). Keys and values use letters, digits, '-', '_' and '.'.`}</HelperTextItem>
          )}
        </HelperText>
      </FormHelperText>
    </FormGroup>
  );
}
