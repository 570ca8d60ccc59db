import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { firstLoadState, isWaitingForFirstLoad, notAnsweringMessage, type FirstLoadQuery } from "@/lib/first-load";

const away = new ConnectError("the controller at https://127.0.0.1:8082 cannot be reached: connect ECONNREFUSED", Code.Unavailable);
const refused = new ConnectError("failed to parse label selector: x", Code.Unknown);

const pending: FirstLoadQuery = { data: undefined, status: "pending", fetchStatus: "fetching", error: null, failureReason: null };

describe("firstLoadState", () => {
  it("is ready once data is on screen, whatever the latest refresh did", () => {
    expect(firstLoadState({ ...pending, data: { exporters: [] }, status: "error", error: away }, true)).toEqual({ kind: "ready" });
  });

  it("shows a plain spinner for the first moments, even after a failed try (a blip is retried silently)", () => {
    expect(firstLoadState(pending, false)).toEqual({ kind: "loading" });
    expect(firstLoadState({ ...pending, failureReason: away }, false)).toEqual({ kind: "loading" });
  });

  it("says the controller is not answering once the load has waited long, with the reason when there is one", () => {
    expect(firstLoadState(pending, true)).toEqual({ kind: "not-answering", reason: undefined, offline: false });
    expect(firstLoadState({ ...pending, failureReason: away }, true)).toEqual({ kind: "not-answering", reason: away, offline: false });
  });

  it("keeps saying so while the next try starts afresh (no error on the query then)", () => {
    expect(firstLoadState(pending, true, away)).toEqual({ kind: "not-answering", reason: away, offline: false });
  });

  it("says so at once when a fetch has given up with the controller away (it tries again by itself)", () => {
    expect(firstLoadState({ ...pending, status: "error", fetchStatus: "idle", error: away }, false)).toEqual({
      kind: "not-answering",
      reason: away,
      offline: false,
    });
  });

  it("shows a refusal as final", () => {
    expect(firstLoadState({ ...pending, status: "error", fetchStatus: "idle", error: refused }, true)).toEqual({ kind: "failed", error: refused });
  });

  it("tells an offline browser apart", () => {
    expect(firstLoadState({ ...pending, fetchStatus: "paused" }, true)).toEqual({ kind: "not-answering", reason: undefined, offline: true });
  });
});

describe("isWaitingForFirstLoad", () => {
  it("waits while fetching, paused, or between tries with the controller away; not after a refusal or with data", () => {
    expect(isWaitingForFirstLoad(pending)).toBe(true);
    expect(isWaitingForFirstLoad({ ...pending, fetchStatus: "paused" })).toBe(true);
    expect(isWaitingForFirstLoad({ ...pending, status: "error", fetchStatus: "idle", error: away })).toBe(true);
    expect(isWaitingForFirstLoad({ ...pending, status: "error", fetchStatus: "idle", error: refused })).toBe(false);
    expect(isWaitingForFirstLoad({ ...pending, data: [] })).toBe(false);
    expect(isWaitingForFirstLoad({ ...pending, fetchStatus: "idle" })).toBe(false);
  });
});

describe("notAnsweringMessage", () => {
  it("gives the reason in the controller's (or gateway's) words and says the portal keeps trying", () => {
    expect(notAnsweringMessage({ kind: "not-answering", reason: away, offline: false }, "the exporters")).toBe(
      "The controller at https://127.0.0.1:8082 cannot be reached: connect ECONNREFUSED. The portal keeps trying and shows the exporters as soon as it answers.",
    );
    expect(notAnsweringMessage({ kind: "not-answering", reason: undefined, offline: false }, "the exporters")).toBe(
      "The lab controller has not answered yet. The portal keeps trying and shows the exporters as soon as it answers.",
    );
    expect(notAnsweringMessage({ kind: "not-answering", reason: undefined, offline: true }, "the lease")).toBe(
      "The browser is offline. The portal loads the lease as soon as the network is back.",
    );
  });
});
