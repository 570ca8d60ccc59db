import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { LeaseSchema, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { leaseLongTitle, leaseTitle, tagsText } from "@/features/leases/lease-title";

const UUID = "0198f3a2-1111-7000-8000-000000000001";

function lease(init: MessageInitShape<typeof LeaseSchema>): Lease {
  return create(LeaseSchema, { name: `namespaces/lab/leases/${UUID}`, client: "namespaces/lab/clients/alice", ...init });
}

describe("leaseTitle: led by what a person recognises", () => {
  it.each<[string, MessageInitShape<typeof LeaseSchema>, ReturnType<typeof leaseTitle>]>([
    ["the board it holds, and the selector it asked by", { selector: "board=rcar-s4", exporter: "namespaces/lab/exporters/rcar-s4-01" }, { text: "rcar-s4-01", kind: "board", via: "board=rcar-s4" }],
    ["the board it holds by name", { selector: "<none>", exporterName: "rpi5-01", exporter: "namespaces/lab/exporters/rpi5-01" }, { text: "rpi5-01", kind: "board" }],
    ["the board it asks for, not assigned yet", { selector: "<none>", exporterName: "rpi5-01" }, { text: "rpi5-01", kind: "asked-board" }],
    ["its selector while it has no board", { selector: "board=rcar-s4,site=bcn" }, { text: "board=rcar-s4,site=bcn", kind: "selector" }],
    ["its name when there is nothing else", { selector: "" }, { text: UUID, kind: "name" }],
  ])("%s", (_what, init, title) => {
    expect(leaseTitle(lease(init))).toEqual(title);
  });
});

describe("leaseLongTitle", () => {
  it("adds the holder and the tags", () => {
    const l = lease({ selector: "board=rpi5", tags: { team: "bsp", build: "12" } });
    expect(tagsText(l)).toBe("team=bsp, build=12");
    expect(leaseLongTitle(l, undefined)).toBe("board=rpi5 (team=bsp, build=12)");
    expect(leaseLongTitle(l, "bob")).toBe("bob's board=rpi5 (team=bsp, build=12)");
  });
});
