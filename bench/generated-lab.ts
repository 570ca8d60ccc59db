// A lab of N generated exporters for the benchmarks: ten kinds of board on
// three sites, with the label spread a real lab has.
import type { Scenario } from "../server/lab/lab.js";

export const KINDS = ["rcar-s4", "rcar-h3", "rpi5", "jetson-orin", "imx8mp", "qemu-x86", "sk-am62", "beagleplay", "visionfive2", "rock5b"];
export const SITES = ["bcn", "brno", "westford"];

export interface GeneratedLabOptions {
  readonly clients?: readonly string[];
  /** Some boards offline (1 in 13) and disabled (1 in 97), as in a lab that is in use. */
  readonly withOutages?: boolean;
}

export function generatedLab(exporters: number, { clients = ["bench"], withOutages = false }: GeneratedLabOptions = {}): Scenario {
  return {
    namespace: "bench",
    clients: clients.map((name) => ({ name })),
    exporters: Array.from({ length: exporters }, (_, i) => ({
      name: `board-${String(i).padStart(4, "0")}`,
      labels: {
        board: KINDS[i % KINDS.length] ?? "x",
        site: SITES[i % SITES.length] ?? "x",
        arch: i % 7 === 0 ? "x86_64" : "arm64",
        ram: String(2 ** (1 + (i % 5))),
        firmware: `fw-${i % 4}`,
      },
      ...(withOutages ? { online: i % 13 !== 0, enabled: i % 97 !== 0 } : {}),
    })),
  };
}
