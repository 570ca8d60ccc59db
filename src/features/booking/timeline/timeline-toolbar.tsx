// The timeline's controls: day or week, the date (back, forward, today),
// zoom, and the exporters page's filters (label selector, search, group by)
// in the same words. On a phone the filters fold behind one button, so the
// first screen shows the timeline and not only its controls.
import { ToggleGroupItem, ToggleGroup } from "@/components/toggle-group";
import { Button } from "@/components/button/button";
import { TextInput } from "@/components/form/text-input";
import { HelperTextItem, HelperText } from "@/components/form/helper-text";
import { FormHelperText, FormGroup, Form } from "@/components/form/form";
import { AngleLeftIcon, AngleRightIcon, FilterIcon, SearchMinusIcon, SearchPlusIcon } from "@patternfly/react-icons";
import { useState } from "react";
import { Flex, FlexItem } from "@/components/flex";
import { GroupByField } from "@/components/group-by-field";
import { SearchField } from "@/components/search-field";
import { SelectorPointer } from "@/components/selector-pointer";
import type { SelectorError } from "@/domain/selector";
import { SELECTOR_PLACEHOLDER, selectorProblemText } from "@/lib/selector-words";
import { dateText, parseDateText, type TimelineView, type Zoom } from "@/features/booking/timeline/time-axis";

export interface TimelineToolbarProps {
  readonly view: TimelineView;
  readonly dayMs: number;
  readonly zoom: Zoom;
  readonly canZoomIn: boolean;
  readonly canZoomOut: boolean;
  readonly onView: (view: TimelineView) => void;
  readonly onDate: (dayMs: number) => void;
  readonly onStep: (steps: number) => void;
  readonly onToday: () => void;
  readonly onZoom: (direction: 1 | -1) => void;
  readonly selectorText: string;
  readonly onSelectorChange: (text: string) => void;
  readonly selectorError: SelectorError | undefined;
  readonly search: string;
  readonly onSearchChange: (text: string) => void;
  readonly group: string;
  readonly groupKeys: readonly string[];
  readonly onGroupChange: (key: string) => void;
}

const SELECTOR_ID = "timeline-selector";
const FILTERS_ID = "timeline-filters";

export function TimelineToolbar(p: TimelineToolbarProps) {
  const unit = p.view === "day" ? "day" : "week";
  const keys = p.group !== "" && !p.groupKeys.includes(p.group) ? [...p.groupKeys, p.group] : p.groupKeys;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const inForce = [p.selectorText.trim(), p.search.trim(), p.group].filter((v) => v !== "").length;
  // A selector that does not parse keeps its field in view, folded or not.
  const folded = !filtersOpen && p.selectorError === undefined;
  return (
    <Form onSubmit={(e) => e.preventDefault()} aria-label="Timeline view" className="portal-filters portal-tl-toolbar">
      <Flex alignItems={{ default: "alignItemsFlexEnd" }} gap={{ default: "gapMd" }} flexWrap={{ default: "wrap" }}>
        <FlexItem className="portal-tl-filters-toggle">
          <Button variant="secondary" icon={<FilterIcon />} aria-expanded={!folded} aria-controls={FILTERS_ID} onClick={() => setFiltersOpen(folded)}>
            {inForce === 0 ? "Filters" : `Filters (${inForce})`}
          </Button>
        </FlexItem>
        <FlexItem>
          <FormGroup label="View" fieldId="timeline-view" role="group" className="portal-tl-quiet-label">
            <ToggleGroup aria-label="View">
              <ToggleGroupItem text="Day" buttonId="timeline-view" isSelected={p.view === "day"} onChange={() => p.onView("day")} />
              <ToggleGroupItem text="Week" isSelected={p.view === "week"} onChange={() => p.onView("week")} />
            </ToggleGroup>
          </FormGroup>
        </FlexItem>
        <FlexItem>
          <FormGroup label="Date" fieldId="timeline-date" className="portal-tl-quiet-label">
            <Flex gap={{ default: "gapSm" }} flexWrap={{ default: "nowrap" }} alignItems={{ default: "alignItemsCenter" }}>
              <Button variant="plain" aria-label={`Previous ${unit}`} icon={<AngleLeftIcon />} onClick={() => p.onStep(-1)} />
              <TextInput
                id="timeline-date"
                type="date"
                value={dateText(p.dayMs)}
                onChange={(_e, v) => {
                  const ms = parseDateText(v);
                  if (ms !== undefined) p.onDate(ms);
                }}
              />
              <Button variant="plain" aria-label={`Next ${unit}`} icon={<AngleRightIcon />} onClick={() => p.onStep(1)} />
              <Button variant="secondary" onClick={p.onToday}>
                Today
              </Button>
            </Flex>
          </FormGroup>
        </FlexItem>
        <FlexItem>
          <FormGroup label={`Zoom (${p.zoom}×)`} fieldId="timeline-zoom-in" role="group" className="portal-tl-quiet-label">
            <Flex gap={{ default: "gapSm" }} flexWrap={{ default: "nowrap" }}>
              <Button variant="secondary" id="timeline-zoom-out" aria-label="Zoom out" icon={<SearchMinusIcon />} isAriaDisabled={!p.canZoomOut} onClick={() => p.onZoom(-1)} />
              <Button variant="secondary" id="timeline-zoom-in" aria-label="Zoom in" icon={<SearchPlusIcon />} isAriaDisabled={!p.canZoomIn} onClick={() => p.onZoom(1)} />
            </Flex>
          </FormGroup>
        </FlexItem>
      </Flex>
      <Flex
        id={FILTERS_ID}
        alignItems={{ default: "alignItemsFlexStart" }}
        gap={{ default: "gapMd" }}
        flexWrap={{ default: "wrap" }}
        className={`portal-filters__main portal-tl-filters${folded ? " portal-tl-filters--folded" : ""}`}
      >
        <FlexItem grow={{ default: "grow" }} className="portal-selector-item">
          <FormGroup label="Label selector" fieldId={SELECTOR_ID} className="portal-selector-field">
            <TextInput
              id={SELECTOR_ID}
              value={p.selectorText}
              onChange={(_e, v) => p.onSelectorChange(v)}
              validated={p.selectorError === undefined ? "default" : "error"}
              aria-describedby={`${SELECTOR_ID}-message`}
              placeholder={SELECTOR_PLACEHOLDER}
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="off"
            />
            <FormHelperText>
              {p.selectorError !== undefined && <SelectorPointer text={p.selectorText} error={p.selectorError} />}
              <HelperText id={`${SELECTOR_ID}-message`} isLiveRegion>
                {p.selectorError !== undefined && (
                  <>
                    <HelperTextItem variant="error">{selectorProblemText(p.selectorError)}</HelperTextItem>
                    <HelperTextItem>Not applied: the timeline still shows the last valid selector&apos;s boards.</HelperTextItem>
                  </>
                )}
              </HelperText>
            </FormHelperText>
          </FormGroup>
        </FlexItem>
        <FlexItem className="portal-search-field">
          <SearchField id="timeline-search" value={p.search} onChange={p.onSearchChange} />
        </FlexItem>
        <FlexItem>
          <GroupByField id="timeline-group" value={p.group} keys={keys} onChange={p.onGroupChange} />
        </FlexItem>
      </Flex>
    </Form>
  );
}
