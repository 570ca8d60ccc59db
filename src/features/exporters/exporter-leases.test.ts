import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import { leasesOfExporter } from "@/features/exporters/exporter-leases";
import { LeaseSchema, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ConditionSchema } from "@/gen/jumpstarter/v1/kubernetes_pb.js";

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);
const cond = (type: string, status: string, reason: string) => create(ConditionSchema, { type, status, reason });

function lease(name: string, init: MessageInitShape<typeof LeaseSchema>): Lease {
  return create(LeaseSchema, { name: `namespaces/lab/leases/${name}`, ...init });
}

const held = lease("now", {
  exporter: "namespaces/lab/exporters/rpi5-01",
  effectiveBeginTime: timestampFromMs(NOW - 1_000),
  conditions: [cond("Ready", "True", "Ready")],
});
const tomorrow = lease("tomorrow", { exporterName: "rpi5-01", beginTime: timestampFromMs(NOW + 86_400_000) });
const later = lease("later", { exporterName: "rpi5-01", beginTime: timestampFromMs(NOW + 3_600_000) });
const waiting = lease("waiting", { exporterName: "rpi5-01", conditions: [cond("Pending", "True", "NotAvailable")] });
const endedAt = (name: string, ms: number): Lease =>
  lease(name, {
    exporter: "namespaces/lab/exporters/rpi5-01",
    effectiveBeginTime: timestampFromMs(ms - 60_000),
    effectiveEndTime: timestampFromMs(ms),
    conditions: [cond("Ready", "False", "Released")],
  });
const other = lease("other", {
  exporter: "namespaces/lab/exporters/rpi5-02",
  conditions: [cond("Ready", "True", "Ready")],
});

describe("leasesOfExporter", () => {
  it("splits current, upcoming (soonest first) and recent (newest first)", () => {
    const r = leasesOfExporter([tomorrow, endedAt("old", NOW - 7_200_000), held, other, later, endedAt("new", NOW - 60_000), waiting], "lab", "rpi5-01", NOW);
    expect(r.current?.name).toBe("namespaces/lab/leases/now");
    expect(r.upcoming.map((l) => l.name)).toEqual([
      "namespaces/lab/leases/later",
      "namespaces/lab/leases/tomorrow",
      "namespaces/lab/leases/waiting",
    ]);
    expect(r.recent.map((l) => l.name)).toEqual(["namespaces/lab/leases/new", "namespaces/lab/leases/old"]);
  });

  it("keeps only the newest ended leases", () => {
    const many = Array.from({ length: 15 }, (_, i) => endedAt(`e${i}`, NOW - i * 60_000));
    const r = leasesOfExporter(many, "lab", "rpi5-01", NOW, 10);
    expect(r.recent).toHaveLength(10);
    expect(r.recent[0]?.name).toBe("namespaces/lab/leases/e0");
  });

  it("finds nothing for another exporter", () => {
    const r = leasesOfExporter([held, tomorrow], "lab", "qemu-01", NOW);
    expect(r).toEqual({ current: undefined, upcoming: [], recent: [] });
  });
});
