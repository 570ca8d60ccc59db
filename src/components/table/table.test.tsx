import { Table as PfTable } from "@patternfly/react-table/dist/esm/components/Table/Table.js";
import { Tbody as PfTbody } from "@patternfly/react-table/dist/esm/components/Table/Tbody.js";
import { Td as PfTd } from "@patternfly/react-table/dist/esm/components/Table/Td.js";
import { Th as PfTh } from "@patternfly/react-table/dist/esm/components/Table/Th.js";
import { Thead as PfThead } from "@patternfly/react-table/dist/esm/components/Table/Thead.js";
import { Tr as PfTr } from "@patternfly/react-table/dist/esm/components/Table/Tr.js";
import type { ComponentType, ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table, Tbody, Td, Th, Thead, Tr } from "@/components/table/table";
import { withoutOuia } from "@/components/testing/without-ouia";

/**
 * PatternFly's markup without its OUIA test attributes (the portal does not
 * use them) and without the empty aria-label its Tr renders before its first
 * effect removes it (a mounted PatternFly row has none).
 */
function comparable(html: string): string {
  return withoutOuia(html).replace(/<tr([^>]*) aria-label=""/g, "<tr$1");
}

// Both sets of components, drawn with the same props below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ours and PatternFly's props differ in types, not in what is passed
type AnyComponent = ComponentType<any>;
type Parts = Record<"Table" | "Thead" | "Tbody" | "Tr" | "Th" | "Td", AnyComponent>;

const OURS: Parts = { Table, Thead, Tbody, Tr, Th, Td };
const PATTERNFLY: Parts = { Table: PfTable, Thead: PfThead, Tbody: PfTbody, Tr: PfTr, Th: PfTh, Td: PfTd };

/** Each table the portal draws, in the props it uses (lease-table, lease-conditions-table, exporter-detail-view, exporter-table). */
const TABLES: Record<string, (p: Parts) => ReactNode> = {
  "lease list (grid-lg, wrap headers, an actions column)": (p) => (
    <p.Table aria-label="My leases" role="table" variant="compact" gridBreakPoint="grid-lg" className="portal-lease-table">
      <p.Thead>
        <p.Tr>
          <p.Th modifier="wrap">Lease</p.Th>
          <p.Th modifier="wrap">Status</p.Th>
          <p.Th screenReaderText="Actions" />
        </p.Tr>
      </p.Thead>
      <p.Tbody>
        <p.Tr>
          <p.Td dataLabel="Lease" className="portal-lease-name">
            <a href="/leases/x">rpi5-01</a>
          </p.Td>
          <p.Td dataLabel="Status">Ready</p.Td>
          <p.Td isActionCell modifier="nowrap">
            <button type="button">Release</button>
          </p.Td>
        </p.Tr>
      </p.Tbody>
    </p.Table>
  ),
  "exporter's leases (grid-md, plain headers)": (p) => (
    <p.Table aria-label="Upcoming leases" role="table" variant="compact" gridBreakPoint="grid-md">
      <p.Thead>
        <p.Tr>
          <p.Th>Lease</p.Th>
          <p.Th>Begins</p.Th>
        </p.Tr>
      </p.Thead>
      <p.Tbody>
        <p.Tr>
          <p.Td dataLabel="Lease">a</p.Td>
          <p.Td dataLabel="Begins">
            <span className="portal-muted">as soon as possible</span>
          </p.Td>
        </p.Tr>
      </p.Tbody>
    </p.Table>
  ),
  "PatternFly's defaults (role grid, grid-md)": (p) => (
    <p.Table aria-label="Defaults">
      <p.Tbody>
        <p.Tr className="portal-row">
          <p.Td>1</p.Td>
        </p.Tr>
      </p.Tbody>
    </p.Table>
  ),
  "exporter list (no grid, sticky header, described, own rows)": (p) => (
    <p.Table aria-label="Exporters" role="table" variant="compact" gridBreakPoint="" isStickyHeader aria-rowcount={12} aria-describedby="stale-note">
      <p.Tbody onKeyDown={() => undefined}>
        <tr className="pf-v6-c-table__tr portal-row" tabIndex={0}>
          <td className="pf-v6-c-table__td">rpi5-01</td>
        </tr>
      </p.Tbody>
    </p.Table>
  ),
};

describe("Table", () => {
  it.each(Object.entries(TABLES))("draws what PatternFly's Table draws: %s", (_name, draw) => {
    const theirs = comparable(renderToStaticMarkup(draw(PATTERNFLY)));
    expect(renderToStaticMarkup(draw(OURS))).toBe(theirs);
  });

  it("labels each cell with its column for the grid layout, and hides an empty header's text but for screen readers", () => {
    const html = renderToStaticMarkup(TABLES["lease list (grid-lg, wrap headers, an actions column)"]!(OURS));
    expect(html).toContain('<table aria-label="My leases" role="table" class="portal-lease-table pf-v6-c-table pf-m-grid-lg pf-m-compact">');
    expect(html).toContain('data-label="Lease" class="pf-v6-c-table__td portal-lease-name"');
    expect(html).toContain('class="pf-v6-c-table__td pf-v6-c-table__action pf-m-nowrap"');
    expect(html).toContain('<span class="pf-v6-u-screen-reader">Actions</span>');
  });
});
