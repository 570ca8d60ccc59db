import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import {
  describeError,
  errorKind,
  errorMessage,
  isContinueTooOld,
  isNetworkFailure,
  isNoSuchObject,
  isNotAnswering,
  isNotFound,
  isRequestRefused,
  isSessionRejection,
  isUnavailable,
  type ErrorKind,
} from "@/lib/errors";

const err = (code: Code, text: string): ConnectError => new ConnectError(text, code);

describe("errorKind: a version 2 controller's UNKNOWN texts [E1] [E2] [E4]", () => {
  it.each<[string, string, ErrorKind]>([
    ["[X1] unknown exporter", 'exporters.jumpstarter.dev "rcar-s4-99" not found', "not-found"],
    ["[LG1] unknown lease", 'leases.jumpstarter.dev "0198c0de-0000-7000-8000-000000000000" not found', "not-found"],
    ["[C11] lease_id already used", 'leases.jumpstarter.dev "my-lease" already exists', "already-exists"],
    ["[C8] API-server validation", 'Lease.jumpstarter.dev "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain ...', "validation"],
    ["[C8] context limits", 'Lease.jumpstarter.dev "x" is invalid: spec.context: Too many: 9: must have at most 8 items', "validation"],
    ["[A9] not a JWT", "failed to authenticate token", "bad-token"],
    ["[A10] other issuer refusal", "oidc: verify token: failed to verify signature: failed to verify id token signature", "bad-token"],
    ["[A10] expired token", "oidc: verify token: oidc: token is expired (Token Expiry: 2027-08-21 14:32:42 +0000 UTC)", "token-expired"],
    ["[A13] unknown client", 'client lab/alice: clients.jumpstarter.dev "alice" not found', "unknown-client"],
    ["[U3] not the owner (update)", "UpdateLease permission denied", "not-owner"],
    ["[D2] not the owner (delete)", "DeleteLease permission denied", "not-owner"],
    ["[TM1] duration required", "duration is required (must specify Duration, or both BeginTime and EndTime)", "time-refused"],
    ["[TM1] duration not positive", "duration must be positive, got -1h0m0s", "time-refused"],
    ["[TM1] duration conflicts", "duration conflicts with begin_time and end_time", "time-refused"],
    ["[U6] begin of a started lease", "cannot update BeginTime: lease has already started", "time-refused"],
    ["[TR1] not started", "cannot transfer lease: lease has not started yet", "transfer-refused"],
    ["[TR1] ended", "cannot transfer lease: lease has already ended", "transfer-refused"],
    ["[TR1] other namespace", "cannot transfer lease to client in different namespace", "transfer-refused"],
    ["[TR1] unknown target", 'target client not found: clients.jumpstarter.dev "nobody" not found', "transfer-refused"],
    ["[F4] lease selector operator", "unsupported label selector operator: ==", "selector-refused"],
    ["[F4] conflicting equalities", "invalid selector: label board cannot have multiple equality requirements with different values (a and b)", "selector-refused"],
    ["[F4] parse failure", "failed to parse label selector: unable to parse requirement: found '(', expected: identifier", "selector-refused"],
    ["[P4] expired continue token", "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.", "continue-expired"],
    ["[P4] invalid continue token", "invalid continue token: illegal base64 data at input byte 4", "continue-invalid"],
    ["[T5] panic", "panic caught: runtime error: invalid memory address", "server-error"],
    ["[F1] filter parse failure: the parser's own text", "unable to parse requirement: found '=', expected: identifier", "refused"],
  ])("%s", (_name, text, kind) => {
    expect(errorKind(err(Code.Unknown, text))).toBe(kind);
  });
});

describe("errorKind: codes first [E1]", () => {
  it.each<[string, Code, string, ErrorKind]>([
    ["[A6] no authorization header", Code.Unauthenticated, "missing authorization header", "bad-token"],
    ["an expired token under UNAUTHENTICATED", Code.Unauthenticated, "token is expired", "token-expired"],
    ["[A7] two authorization headers", Code.InvalidArgument, "multiple authorization headers", "metadata-refused"],
    ["[A8] malformed header", Code.InvalidArgument, "malformed authorization header", "metadata-refused"],
    ["[H2] missing namespace", Code.InvalidArgument, "missing metadata: jumpstarter-namespace", "metadata-refused"],
    ["[H2] repeated kind", Code.InvalidArgument, "multiple metadata: jumpstarter-kind", "metadata-refused"],
    ["[H3] missing name", Code.InvalidArgument, "resource name required for pre-existing authentication", "metadata-refused"],
    ["[H4] OIDC name mismatch", Code.InvalidArgument, 'resource name mismatch: provided "bob" but expected "alice" (derived from OIDC username "dex:alice")', "metadata-refused"],
    ["[A12] kind mismatch", Code.InvalidArgument, "object kind mismatch", "metadata-refused"],
    ["[A14] the client refuses the user", Code.PermissionDenied, "permission denied for client lab/alice", "client-refused"],
    ["[A15] namespace mismatch", Code.PermissionDenied, "namespace mismatch", "namespace-mismatch"],
    ["ownership, as version 1 servers refused it", Code.PermissionDenied, 'lease "x" belongs to client "bob"; only its owner may update it', "not-owner"],
    ["[D3] already released", Code.FailedPrecondition, 'lease "namespaces/lab/leases/0198" has already been released', "already-released"],
    ["another precondition", Code.FailedPrecondition, 'lease "x" has already ended', "failed-precondition"],
    ["[V1] RotateToken on 0.8", Code.Unimplemented, "unknown method RotateToken", "unimplemented"],
    ["NOT_FOUND of older servers", Code.NotFound, 'lease "x" not found in namespace "lab"', "not-found"],
    ["ALREADY_EXISTS of older servers", Code.AlreadyExists, 'lease "x" already exists', "already-exists"],
    ["time texts under INVALID_ARGUMENT (version 1)", Code.InvalidArgument, "duration conflicts with begin_time and end_time", "time-refused"],
    ["[C3] tags", Code.InvalidArgument, "invalid lease tags: too many tags: 11 (maximum 10)", "invalid-argument"],
    ["[LL2] tag_filter", Code.InvalidArgument, "invalid tag_filter: unable to parse requirement", "invalid-argument"],
    ["[K3] RotateToken failure", Code.Internal, "failed to sign token: boom", "server-error"],
    ["unavailable", Code.Unavailable, "upstream connect error", "unavailable"],
  ])("%s", (_name, code, text, kind) => {
    expect(errorKind(err(code, text))).toBe(kind);
  });
});

describe("session-fatal answers end the session", () => {
  it.each<[string, ConnectError, boolean]>([
    ["a bad token", err(Code.Unknown, "failed to authenticate token"), true],
    ["an expired token", err(Code.Unknown, "oidc: verify token: oidc: token is expired (Token Expiry: 2027-08-21 14:32:42 +0000 UTC)"), true],
    ["no authorization", err(Code.Unauthenticated, "missing authorization header"), true],
    ["[A13] a client that is not there", err(Code.Unknown, 'client lab/alice: clients.jumpstarter.dev "alice" not found'), true],
    ["[A13] a client the API server forbids", err(Code.Unknown, 'client lab/alice: clients.jumpstarter.dev "alice" is forbidden: User cannot get resource'), true],
    ["[A13] passing API-server trouble", err(Code.Unknown, "client lab/alice: Get \"https://10.0.0.1/apis\": dial tcp: i/o timeout"), false],
    ["[A14]", err(Code.PermissionDenied, "permission denied for client lab/alice"), true],
    ["[H2] missing metadata", err(Code.InvalidArgument, "missing metadata: jumpstarter-namespace"), true],
    ["[H3] missing name", err(Code.InvalidArgument, "resource name required for pre-existing authentication"), true],
    ["not the owner", err(Code.Unknown, "UpdateLease permission denied"), false],
    ["[A15] namespace mismatch (a request's problem, not the session's)", err(Code.PermissionDenied, "namespace mismatch"), false],
    ["an unknown lease", err(Code.Unknown, 'leases.jumpstarter.dev "x" not found'), false],
    ["the controller away", err(Code.Unavailable, "down"), false],
  ])("%s: %s", (_name, e, fatal) => {
    expect(isSessionRejection(e)).toBe(fatal);
  });
});

describe("describeError", () => {
  it("keeps the controller's own words for every kind", () => {
    const cases: [ConnectError, string][] = [
      [err(Code.Unavailable, "upstream down"), "The lab controller cannot be reached: upstream down."],
      [
        err(Code.Unavailable, "the controller at https://127.0.0.1:8082 cannot be reached: connect ECONNREFUSED 127.0.0.1:8082"),
        "The controller at https://127.0.0.1:8082 cannot be reached: connect ECONNREFUSED 127.0.0.1:8082.",
      ],
      [err(Code.Unauthenticated, "invalid or expired token"), "Your session was rejected by the controller: invalid or expired token."],
      [err(Code.Unknown, "failed to authenticate token"), "Your session was rejected by the controller: failed to authenticate token."],
      [err(Code.Unknown, 'leases.jumpstarter.dev "x" not found'), 'Not found: leases.jumpstarter.dev "x" not found.'],
      [err(Code.Unknown, "UpdateLease permission denied"), "Only the lease's holder may change or release it: UpdateLease permission denied."],
      [err(Code.InvalidArgument, 'unexpected "(" at column 3'), 'unexpected "(" at column 3.'],
      [err(Code.Unknown, "cannot transfer lease: lease has not started yet"), "The controller refused the transfer: cannot transfer lease: lease has not started yet."],
    ];
    for (const [e, expected] of cases) {
      const d = describeError(e);
      expect(d.message).toBe(expected);
      expect(d.detail).toBe(e.rawMessage);
      expect(d.code).toBe(e.code);
    }
  });

  it("gives an expired token words of its own [A10] [J4]", () => {
    const d = describeError(err(Code.Unknown, "oidc: verify token: oidc: token is expired (Token Expiry: 2027-08-21 14:32:42 +0000 UTC)"));
    expect(d.title).toBe("Your token has expired");
    expect(d.message).toBe(
      "Your token has expired: oidc: verify token: oidc: token is expired (Token Expiry: 2027-08-21 14:32:42 +0000 UTC) Get a new one (jmp login, or from the lab's administrator) and sign in again.",
    );
  });

  it("titles an unreachable controller plainly", () => {
    expect(describeError(err(Code.Unavailable, "x")).title).toBe("The lab controller cannot be reached");
  });

  it("does not add a dangling colon when the controller gave no message", () => {
    expect(errorMessage(err(Code.PermissionDenied, ""))).toBe("Only the lease's holder may change or release it.");
    expect(errorMessage(err(Code.InvalidArgument, ""))).toBe("The controller did not accept the request.");
  });

  it("recognises a browser that got no answer at all", () => {
    const offline = ConnectError.from(new TypeError("Failed to fetch"));
    expect(isNetworkFailure(offline)).toBe(true);
    expect(isUnavailable(offline)).toBe(true);
    expect(describeError(offline).title).toBe("The portal's server cannot be reached");
    expect(describeError(offline).message).toContain("Failed to fetch");
  });

  it("tells an absent or silent controller (keep trying) from one that answered", () => {
    expect(isNotAnswering(err(Code.Unavailable, "the controller at https://lab:443 cannot be reached: connect ECONNREFUSED"))).toBe(true);
    expect(isNotAnswering(ConnectError.from(new TypeError("Failed to fetch")))).toBe(true);
    expect(isNotAnswering(err(Code.DeadlineExceeded, "the operation timed out"))).toBe(true);
    expect(isNotAnswering(err(Code.Unknown, "failed to parse label selector: x"))).toBe(false);
    expect(isNotAnswering(err(Code.Internal, "boom"))).toBe(false);
  });

  it("describes plain errors too", () => {
    expect(errorMessage(new Error("boom"))).toBe("The lab controller reported an error: boom.");
    expect(isUnavailable(new Error("boom"))).toBe(false);
  });
});

describe("predicates for features", () => {
  it("read an unknown object the same from every server [E3]", () => {
    expect(isNotFound(err(Code.Unknown, 'exporters.jumpstarter.dev "x" not found'))).toBe(true);
    expect(isNotFound(err(Code.NotFound, "exporter x not found"))).toBe(true);
    expect(isNotFound(err(Code.Unknown, 'client lab/alice: clients.jumpstarter.dev "alice" not found'))).toBe(false);
    expect(isNoSuchObject(err(Code.InvalidArgument, 'invalid number of segments in identifier "x", expecting 4, got 1'))).toBe(true);
    expect(isNoSuchObject(err(Code.InvalidArgument, "missing metadata: jumpstarter-namespace"))).toBe(false);
  });

  it("tell an expired continue token [P4] and a refused filter [F1] apart from failures", () => {
    expect(isContinueTooOld(err(Code.Unknown, "The provided continue parameter is too old to display a consistent list result."))).toBe(true);
    expect(isContinueTooOld(err(Code.Unknown, "invalid continue token: x"))).toBe(false);
    expect(isRequestRefused(err(Code.Unknown, "unable to parse requirement: found '=', expected: identifier"))).toBe(true);
    expect(isRequestRefused(err(Code.InvalidArgument, "invalid tag_filter: x"))).toBe(true);
    expect(isRequestRefused(err(Code.Unavailable, "down"))).toBe(false);
    expect(isRequestRefused(err(Code.Unknown, "failed to authenticate token"))).toBe(false);
  });
});

describe("audit cases", () => {
  it("reads 0.8's bare `permission denied` as the Client refusing the user, which ends the session [V3], [A14]", () => {
    const e = new ConnectError("permission denied", Code.PermissionDenied);
    expect(errorKind(e)).toBe("client-refused");
    expect(describeError(e).sessionFatal).toBe(true);
  });

  it("treats an authenticator still fetching its keys as passing, not as a bad token [A3]", () => {
    const e = new ConnectError("oidc: authenticator not initialized", Code.Unknown);
    expect(errorKind(e)).toBe("unavailable");
    expect(describeError(e).sessionFatal).toBe(false);
  });
});
