import { describe, expect, it } from "vitest";
import { readWallParams } from "@/features/wall/wall-params";

const read = (q: string) => readWallParams(new URLSearchParams(q));

describe("the wall's URL", () => {
  it("reads the group, the selector and the paging interval", () => {
    expect(read("group=board&selector=site%3Dbcn&interval=30")).toEqual({ group: "board", selector: "site=bcn", pageMs: 30_000, problems: [] });
  });

  it("has defaults: one group, the whole lab, 15 s a page", () => {
    expect(read("")).toEqual({ selector: "", pageMs: 15_000, problems: [] });
  });

  it("says what is wrong and runs on with the default", () => {
    const p = read("selector=board%3D%3D%3D&interval=soon");
    expect(p.selector).toBe("");
    expect(p.pageMs).toBe(15_000);
    expect(p.problems).toHaveLength(2);
    expect(p.problems[0]).toMatch(/^selector=board=== is not a label selector \(.+\); showing the whole lab$/);
    expect(p.problems[1]).toBe("interval=soon must be a number of seconds from 5 to 600; paging every 15 s");
    expect(read("interval=1").problems).toHaveLength(1);
  });
});
