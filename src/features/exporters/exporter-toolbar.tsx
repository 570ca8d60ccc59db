// The exporter list's filters (a view: values in, changes out). One line:
// the selector (asked of the controller), the search (in the browser), and
// a "Filters" toggle that opens the rest (status, group by, sort), which
// says how many of them are in force while closed.
import { Button } from "@/components/button/button";
import { FormSelectOption, FormSelect } from "@/components/form/form-select";
import { FormGroup, Form } from "@/components/form/form";
import { FilterIcon } from "@patternfly/react-icons";
import { Flex, FlexItem } from "@/components/flex";
import { GroupByField } from "@/components/group-by-field";
import { SearchField } from "@/components/search-field";
import { EXPORTER_STATE_KINDS, EXPORTER_STATE_NAMES, type ExporterStateKind } from "@/components/exporter-status";
import type { SelectorError } from "@/domain/selector";
import { SORT_KEYS, SORT_NAMES, type SortKey } from "@/features/exporters/exporter-rows";
import { advancedFilterWords } from "@/features/exporters/exporter-filters";
import { SelectorField } from "@/features/exporters/selector-field";

export interface ExporterToolbarProps {
  readonly selectorText: string;
  readonly selectorError: SelectorError | undefined;
  readonly selectorServerError: string | undefined;
  readonly onSelectorChange: (text: string) => void;
  readonly search: string;
  readonly onSearchChange: (text: string) => void;
  readonly status: ExporterStateKind | undefined;
  readonly onStatusChange: (status: ExporterStateKind | undefined) => void;
  readonly group: string;
  /** The label keys the lab's exporters use (board, site...). */
  readonly groupKeys: readonly string[];
  readonly onGroupChange: (key: string) => void;
  readonly sort: SortKey;
  readonly onSortChange: (sort: SortKey) => void;
  readonly canClear: boolean;
  readonly onClear: () => void;
  /** Whether status, group by and sort are shown. */
  readonly advancedOpen: boolean;
  readonly onAdvancedOpenChange: (open: boolean) => void;
}

const ADVANCED_ID = "exporters-more-filters";
/** The id of the words that say which of them are in force (the page shows them beside the counts). */
export const ADVANCED_SUMMARY_ID = "exporters-more-filters-summary";

function isStateKind(v: string): v is ExporterStateKind {
  return (EXPORTER_STATE_KINDS as readonly string[]).includes(v);
}

function isSortKey(v: string): v is SortKey {
  return (SORT_KEYS as readonly string[]).includes(v);
}

export function ExporterToolbar(p: ExporterToolbarProps) {
  // A chosen key the current exporters no longer carry stays selectable.
  const keys = p.group !== "" && !p.groupKeys.includes(p.group) ? [...p.groupKeys, p.group] : p.groupKeys;
  const inForce = advancedFilterWords(p);
  return (
    <Form onSubmit={(e) => e.preventDefault()} aria-label="Filter exporters" className="portal-filters">
      <Flex alignItems={{ default: "alignItemsFlexStart" }} gap={{ default: "gapMd" }} flexWrap={{ default: "wrap" }} className="portal-filters__main">
        <FlexItem grow={{ default: "grow" }} className="portal-selector-item">
          <SelectorField
            id="exporters-selector"
            value={p.selectorText}
            onChange={p.onSelectorChange}
            error={p.selectorError}
            serverError={p.selectorServerError}
          />
        </FlexItem>
        <FlexItem className="portal-search-field">
          <SearchField id="exporters-search" value={p.search} onChange={p.onSearchChange} />
        </FlexItem>
        <FlexItem className="portal-filters__buttons">
          <Button
            variant="secondary"
            icon={<FilterIcon />}
            aria-expanded={p.advancedOpen}
            aria-controls={ADVANCED_ID}
            onClick={() => p.onAdvancedOpenChange(!p.advancedOpen)}
            {...(inForce.length === 0 || p.advancedOpen ? {} : { "aria-describedby": ADVANCED_SUMMARY_ID })}
          >
            {inForce.length === 0 ? "Filters" : `Filters (${inForce.length})`}
          </Button>
          {p.canClear && (
            <Button variant="link" onClick={p.onClear}>
              Clear filters
            </Button>
          )}
        </FlexItem>
      </Flex>
      {p.advancedOpen && (
        <Flex
          id={ADVANCED_ID}
          role="group"
          aria-label="More filters"
          alignItems={{ default: "alignItemsFlexEnd" }}
          gap={{ default: "gapMd" }}
          flexWrap={{ default: "wrap" }}
          className="portal-filters__more"
        >
          <FlexItem>
            <FormGroup label="Status" fieldId="exporters-status">
              <FormSelect
                id="exporters-status"
                value={p.status ?? ""}
                onChange={(_e, v) => p.onStatusChange(isStateKind(v) ? v : undefined)}
              >
                <FormSelectOption value="" label="All statuses" />
                {EXPORTER_STATE_KINDS.map((k) => (
                  <FormSelectOption key={k} value={k} label={EXPORTER_STATE_NAMES[k]} />
                ))}
              </FormSelect>
            </FormGroup>
          </FlexItem>
          <FlexItem>
            <GroupByField id="exporters-group" value={p.group} keys={keys} onChange={p.onGroupChange} />
          </FlexItem>
          <FlexItem>
            <FormGroup label="Sort by" fieldId="exporters-sort">
              <FormSelect id="exporters-sort" value={p.sort} onChange={(_e, v) => isSortKey(v) && p.onSortChange(v)}>
                {SORT_KEYS.map((k) => (
                  <FormSelectOption key={k} value={k} label={SORT_NAMES[k]} />
                ))}
              </FormSelect>
            </FormGroup>
          </FlexItem>
        </Flex>
      )}
    </Form>
  );
}
