// [H1]/[J3]: what the session's transport puts on the wire, seen by a fake
// fetch in place of the gateway.
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { ClientService } from "@/gen/jumpstarter/client/v1/client_pb.js";
import type { Session } from "@/lib/session";
import { createSessionTransport, sessionHeaders } from "@/lib/transport";

const alice: Session = { token: "eyJ.alice.token", namespace: "lab", clientName: "alice" };

/** A fetch that records each request's headers and answers trailers-only NOT_FOUND. */
function recordingFetch() {
  const seen: Headers[] = [];
  const fetch: typeof globalThis.fetch = (_input, init) => {
    seen.push(new Headers(init?.headers));
    return Promise.resolve(
      new Response(null, {
        status: 200,
        headers: { "content-type": "application/grpc-web+proto", "grpc-status": String(Code.NotFound), "grpc-message": "nothing here" },
      }),
    );
  };
  return { seen, fetch };
}

describe("the session transport [H1] [J3]", () => {
  it("sends authorization and the three jumpstarter-* headers, each exactly once, on every call", async () => {
    const { seen, fetch } = recordingFetch();
    const client = createClient(ClientService, createSessionTransport(alice, { baseUrl: "https://portal.example", fetch }));
    // A caller's own header must not turn into a second value ([A7] refuses two authorization headers).
    const callerHeaders = { authorization: "Bearer someone-else", "jumpstarter-kind": "Exporter" };
    await expect(client.getLease({ name: "namespaces/lab/leases/x" }, { headers: callerHeaders })).rejects.toBeInstanceOf(ConnectError);
    await expect(client.listExporters({ parent: "namespaces/lab" })).rejects.toMatchObject({ code: Code.NotFound });
    expect(seen).toHaveLength(2);
    for (const headers of seen) {
      expect(headers.get("authorization")).toBe("Bearer eyJ.alice.token");
      expect(headers.get("jumpstarter-namespace")).toBe("lab");
      expect(headers.get("jumpstarter-kind")).toBe("Client");
      expect(headers.get("jumpstarter-name")).toBe("alice");
    }
  });

  it("sends an empty jumpstarter-name rather than none, so an OIDC user gets the derived name [H4] [H5]", () => {
    expect(sessionHeaders({ ...alice, clientName: "" })["jumpstarter-name"]).toBe("");
  });

  it("sends no credentials while signed out", async () => {
    const { seen, fetch } = recordingFetch();
    const client = createClient(ClientService, createSessionTransport(null, { baseUrl: "https://portal.example", fetch }));
    await expect(client.listExporters({ parent: "namespaces/lab" })).rejects.toBeInstanceOf(ConnectError);
    expect(seen[0]?.get("authorization")).toBeNull();
    expect(seen[0]?.get("jumpstarter-namespace")).toBeNull();
  });

  it("sends an OIDC session's current token on each call, waiting for a renewal that is due", async () => {
    const { seen, fetch } = recordingFetch();
    let token = "access-1";
    let renewals = 0;
    const currentToken = async () => {
      if (seen.length === 1) {
        await new Promise((r) => setTimeout(r, 5)); // a renewal in flight
        renewals += 1;
        token = "access-2";
      }
      return token;
    };
    const client = createClient(ClientService, createSessionTransport(alice, { baseUrl: "https://portal.example", fetch, currentToken }));
    await expect(client.listExporters({ parent: "namespaces/lab" })).rejects.toBeInstanceOf(ConnectError);
    await expect(client.listExporters({ parent: "namespaces/lab" })).rejects.toBeInstanceOf(ConnectError);
    expect(renewals).toBe(1);
    expect(seen.map((h) => h.get("authorization"))).toEqual(["Bearer access-1", "Bearer access-2"]);
  });
});
