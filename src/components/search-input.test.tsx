import { SearchInput as PfSearchInput } from "@patternfly/react-core/dist/esm/components/SearchInput/SearchInput.js";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SearchInput } from "@/components/search-input";
import { withoutOuia } from "@/components/testing/without-ouia";

const CASES: { value: string; resultsCount?: string }[] = [{ value: "" }, { value: "", resultsCount: "9 of 9" }, { value: "rcar", resultsCount: "2 of 9" }, { value: "site=bcn" }];

describe("SearchInput", () => {
  it.each(CASES)("draws what PatternFly's SearchInput draws: %o", ({ value, resultsCount }) => {
    const common = { id: "create-exporter-search", "aria-label": "Find an exporter", placeholder: "Find by name or label", value, ...(resultsCount === undefined ? {} : { resultsCount }) };
    const ours = renderToStaticMarkup(<SearchInput {...common} onChange={() => undefined} onClear={() => undefined} />);
    const theirs = renderToStaticMarkup(<PfSearchInput {...common} onChange={() => undefined} onClear={() => undefined} />);
    expect(withoutOuia(ours)).toBe(withoutOuia(theirs));
  });
});
