// The one place that turns a failed call into meaning and words ([E1]-[E4]).
// A real controller answers most refusals with gRPC UNKNOWN and a Kubernetes
// or controller text, so an error is classified by its code first and then,
// for UNKNOWN (and for the INVALID_ARGUMENT of older servers, which used it
// for the same refusals), by the stable message fragments of [E2]. Every
// description keeps the controller's own text: it is often the only
// explanation of what went wrong.
import { Code, ConnectError } from "@connectrpc/connect";

/** What a failure means to the portal; features branch on this, never on codes or texts. */
export type ErrorKind =
  /** The browser got no HTTP answer at all (fetch rejected). */
  | "network"
  /** UNAVAILABLE: the controller or the gateway is away for now. */
  | "unavailable"
  /** DEADLINE_EXCEEDED. */
  | "timeout"
  | "cancelled"
  /** The token was refused: no header [A6], not a known JWT [A9], refused by its issuer [A10]. */
  | "bad-token"
  /** [A10] `token is expired`: jmp re-logs in on exactly this text [J4]. */
  | "token-expired"
  /** [A13] UNKNOWN `client <ns>/<name>: <API error>`: the Client the headers name is not there. */
  | "unknown-client"
  /** [A14] PERMISSION_DENIED `permission denied for client <ns>/<name>`: the Client refuses this user. */
  | "client-refused"
  /** [A7], [A8], [H2]-[H4], [A12]: the call's metadata was refused (INVALID_ARGUMENT). */
  | "metadata-refused"
  /** [A15] PERMISSION_DENIED `namespace mismatch`. */
  | "namespace-mismatch"
  /** [E2] `<kind>.jumpstarter.dev "<name>" not found`; NOT_FOUND from older or other servers. */
  | "not-found"
  /** [E2]/[C11] `... "<name>" already exists`; ALREADY_EXISTS from older servers. */
  | "already-exists"
  /** [U3]/[D2] `UpdateLease permission denied`, `DeleteLease permission denied`; other PERMISSION_DENIED. */
  | "not-owner"
  /** [E2] time fields ([TM1]) and `cannot update BeginTime` ([U6]). */
  | "time-refused"
  /** [TR1] `cannot transfer lease: ...`, `target client not found: ...`. */
  | "transfer-refused"
  /** [E2] the API server's validation: `Lease.jumpstarter.dev "<name>" is invalid: ...`. */
  | "validation"
  /** [F4] a lease selector the controller refuses. */
  | "selector-refused"
  /** [P4] an expired continue token: start the listing again. */
  | "continue-expired"
  /** [P4] `invalid continue token: ...`. */
  | "continue-invalid"
  /** [D3] FAILED_PRECONDITION `lease "..." has already been released`. */
  | "already-released"
  /** Another FAILED_PRECONDITION (older servers refused changes to ended leases so). */
  | "failed-precondition"
  /** UNIMPLEMENTED: this controller version lacks the RPC (RotateToken before 0.9, [V1]). */
  | "unimplemented"
  /** Another INVALID_ARGUMENT: a malformed name, tags [C3], tag_filter [LL2], a transfer target [TR1]. */
  | "invalid-argument"
  /** RESOURCE_EXHAUSTED. */
  | "busy"
  /** ABORTED. */
  | "conflict"
  /** INTERNAL, DATA_LOSS, or UNKNOWN `panic caught:` [T5]. */
  | "server-error"
  /** Any other refusal (UNKNOWN with a text of its own, e.g. a filter the label parser refused [F1]). */
  | "refused";

/** A failure classified and described for people. */
export interface ErrorDescription {
  readonly kind: ErrorKind;
  /** The Connect code, or undefined when the failure did not come from a call. */
  readonly code: Code | undefined;
  /** True when the session cannot go on: the user must sign in again. */
  readonly sessionFatal: boolean;
  /** A short heading ("The lab controller cannot be reached"). */
  readonly title: string;
  /** One or two sentences for people, including the controller's own message. */
  readonly message: string;
  /** The controller's (or browser's) own text, unchanged. */
  readonly detail: string;
}

/** Any thrown value as a ConnectError (fetch failures become Code.Unknown). */
export function toConnectError(error: unknown): ConnectError {
  return ConnectError.from(error);
}

/**
 * True when the browser could not reach the portal's server at all (the
 * request never got an HTTP answer): fetch rejects with a TypeError, which
 * Connect wraps as Unknown with the TypeError as its cause.
 */
export function isNetworkFailure(error: unknown): boolean {
  const e = toConnectError(error);
  return e.code === Code.Unknown && e.cause instanceof TypeError;
}

// [E2] fragments. Kubernetes texts vary with the cluster's version ([Q1]):
// only the parts the spec marks stable are matched.
const HEADER_PROBLEMS = [
  "missing metadata",
  "multiple metadata",
  "resource name required",
  "resource name mismatch",
  "object kind mismatch",
  "malformed authorization header",
  "multiple authorization headers",
];
const TIME_PROBLEMS = ["duration is required", "duration must be positive", "duration conflicts", "cannot update BeginTime"];
const SELECTOR_PROBLEMS = ["failed to parse label selector", "unsupported label selector operator", "invalid selector:"];
const UNKNOWN_CLIENT = /^client [^\s/]*\/[^\s:]*: /;
const NOT_FOUND = /"[^"]*" not found/;
const ALREADY_EXISTS = /"[^"]*" already exists/;
const CONTINUE_TOO_OLD = "The provided continue parameter is too old";

const includesAny = (text: string, fragments: readonly string[]): boolean => fragments.some((f) => text.includes(f));

/** Refusals that INVALID_ARGUMENT (v1 and older servers) and UNKNOWN (v2) share: time and selector texts. */
function requestRefusal(text: string): ErrorKind | undefined {
  if (includesAny(text, TIME_PROBLEMS)) return "time-refused";
  if (includesAny(text, SELECTOR_PROBLEMS)) return "selector-refused";
  return undefined;
}

/** [E4]: UNKNOWN by its text; the order matters where one text contains another's fragment. */
function unknownKind(text: string): ErrorKind {
  if (text.includes("token is expired")) return "token-expired";
  // [A3] an authenticator still fetching its issuer's keys: passing, not a bad token.
  if (text.includes("authenticator not initialized")) return "unavailable";
  if (text.startsWith("failed to authenticate token") || text.startsWith("oidc:")) return "bad-token";
  // Before "not found": `client lab/alice: clients.jumpstarter.dev "alice" not found`.
  if (UNKNOWN_CLIENT.test(text)) return "unknown-client";
  if (text.includes(CONTINUE_TOO_OLD)) return "continue-expired";
  if (text.startsWith("invalid continue token")) return "continue-invalid";
  if (text.includes("UpdateLease permission denied") || text.includes("DeleteLease permission denied")) return "not-owner";
  // Before "not found": `target client not found: clients.jumpstarter.dev "bob" not found`.
  if (text.includes("cannot transfer lease") || text.startsWith("target client not found")) return "transfer-refused";
  const refusal = requestRefusal(text);
  if (refusal !== undefined) return refusal;
  if (ALREADY_EXISTS.test(text)) return "already-exists";
  if (text.includes(" is invalid:")) return "validation";
  if (NOT_FOUND.test(text)) return "not-found";
  if (text.startsWith("panic caught:")) return "server-error";
  return "refused";
}

function kindOf(e: ConnectError): ErrorKind {
  if (isNetworkFailure(e)) return "network";
  const text = e.rawMessage.trim();
  switch (e.code) {
    case Code.Unknown:
      return unknownKind(text);
    case Code.Unauthenticated:
      return text.includes("token is expired") ? "token-expired" : "bad-token";
    case Code.PermissionDenied:
      // [A14]; 0.8 controllers say only `permission denied` for it ([V3]).
      if (text.includes("permission denied for client") || text === "permission denied") return "client-refused";
      if (text.includes("namespace mismatch")) return "namespace-mismatch";
      // Within ClientService the only other refusal is ownership (older servers said it so).
      return "not-owner";
    case Code.InvalidArgument:
      if (includesAny(text, HEADER_PROBLEMS)) return "metadata-refused";
      return requestRefusal(text) ?? "invalid-argument";
    case Code.NotFound:
      return "not-found";
    case Code.AlreadyExists:
      return "already-exists";
    case Code.FailedPrecondition:
      return text.includes("has already been released") ? "already-released" : "failed-precondition";
    case Code.Unimplemented:
      return "unimplemented";
    case Code.Unavailable:
      return "unavailable";
    case Code.DeadlineExceeded:
      return "timeout";
    case Code.Canceled:
      return "cancelled";
    case Code.ResourceExhausted:
      return "busy";
    case Code.Aborted:
      return "conflict";
    case Code.OutOfRange:
      return "invalid-argument";
    case Code.Internal:
    case Code.DataLoss:
      return "server-error";
  }
}

/** What a failure means ([E4]). */
export function errorKind(error: unknown): ErrorKind {
  return kindOf(toConnectError(error));
}

/**
 * An [A13] answer ends the session only when the Client is really not there
 * (not found, or the API server forbids reading it): the same prefix also
 * wraps passing API-server trouble, which must not sign people out.
 */
function unknownClientIsFinal(text: string): boolean {
  return text.includes("not found") || text.includes("forbidden");
}

const SESSION_FATAL: ReadonlySet<ErrorKind> = new Set<ErrorKind>(["bad-token", "token-expired", "client-refused", "metadata-refused"]);

function isSessionFatal(kind: ErrorKind, text: string): boolean {
  return SESSION_FATAL.has(kind) || (kind === "unknown-client" && unknownClientIsFinal(text));
}

function sentence(text: string): string {
  const t = text.trim();
  if (t === "") return t;
  return /[.!?)]$/.test(t) ? t : `${t}.`;
}

function withDetail(prefix: string, detail: string): string {
  return detail === "" ? sentence(prefix) : sentence(`${prefix}: ${detail}`);
}

/** Title and message for each kind; `detail` is the controller's text. */
function words(kind: ErrorKind, detail: string): { title: string; message: string } {
  switch (kind) {
    case "network":
      return {
        title: "The portal's server cannot be reached",
        message: withDetail("The browser got no answer from the portal's server; check your network", detail),
      };
    case "unavailable":
      return {
        title: "The lab controller cannot be reached",
        // The gateway's own text says it already ("the controller at <url> cannot be reached: <why>"): not twice.
        message: detail.includes("cannot be reached") ? sentence(`${detail.charAt(0).toUpperCase()}${detail.slice(1)}`) : withDetail("The lab controller cannot be reached", detail),
      };
    case "timeout":
      return { title: "No answer in time", message: withDetail("The lab controller took too long to answer", detail) };
    case "cancelled":
      return { title: "Cancelled", message: withDetail("The request was cancelled", detail) };
    case "bad-token":
      return { title: "Your token was not accepted", message: withDetail("Your session was rejected by the controller", detail) };
    case "token-expired":
      return {
        title: "Your token has expired",
        message: `${withDetail("Your token has expired", detail)} Get a new one (jmp login, or from the lab's administrator) and sign in again.`,
      };
    case "unknown-client":
      return { title: "Unknown client", message: withDetail("The controller does not know the client you signed in as", detail) };
    case "client-refused":
      return {
        title: "The client refuses this token",
        message: `${withDetail("The controller refused the token for this client", detail)} The token belongs to another client: check the client name.`,
      };
    case "metadata-refused":
      return { title: "The call's metadata was refused", message: withDetail("The controller refused the portal's call metadata", detail) };
    case "namespace-mismatch":
      return { title: "Another namespace", message: withDetail("The request names another namespace than your session", detail) };
    case "not-found":
      return { title: "Not found", message: withDetail("Not found", detail) };
    case "already-exists":
      return { title: "Already exists", message: withDetail("Already exists", detail) };
    case "not-owner":
      return { title: "Not yours", message: withDetail("Only the lease's holder may change or release it", detail) };
    case "time-refused":
      return { title: "The times were refused", message: withDetail("The controller refused the lease's times", detail) };
    case "transfer-refused":
      return { title: "The transfer was refused", message: withDetail("The controller refused the transfer", detail) };
    case "validation":
      return { title: "The request was not valid", message: withDetail("The controller refused the request", detail) };
    case "selector-refused":
      return { title: "The selector was refused", message: withDetail("The controller refused the selector", detail) };
    case "continue-expired":
      return { title: "The list changed while it was read", message: withDetail("The list took too long to read and must be read again", detail) };
    case "continue-invalid":
      return { title: "The list could not be read", message: withDetail("The controller refused the page token", detail) };
    case "already-released":
      return { title: "Already released", message: withDetail("The lease was already released", detail) };
    case "failed-precondition":
      return { title: "Not possible now", message: withDetail("Not possible now", detail) };
    case "unimplemented":
      return { title: "Not supported", message: withDetail("This controller does not support that request (it is an older version)", detail) };
    case "invalid-argument":
      return { title: "The request was not accepted", message: sentence(detail === "" ? "The controller did not accept the request" : detail) };
    case "busy":
      return { title: "Too many requests", message: withDetail("The controller is busy; try again shortly", detail) };
    case "conflict":
      return { title: "Conflict", message: withDetail("The request conflicted with another change; try again", detail) };
    case "server-error":
    case "refused":
      return { title: "The lab controller reported an error", message: withDetail("The lab controller reported an error", detail) };
  }
}

/** Classifies and describes any failure for people. */
export function describeError(error: unknown): ErrorDescription {
  const e = toConnectError(error);
  const detail = e.rawMessage.trim();
  const kind = kindOf(e);
  return { kind, code: e.code, sessionFatal: isSessionFatal(kind, detail), detail, ...words(kind, detail) };
}

/** The one-sentence form of describeError, for inline helper texts and banners. */
export function errorMessage(error: unknown): string {
  return describeError(error).message;
}

/** True for failures worth retrying: the controller or the gateway is away for now. */
export function isUnavailable(error: unknown): boolean {
  const kind = errorKind(error);
  return kind === "unavailable" || kind === "network";
}

/**
 * True when the controller gave no answer to go by: it (or the gateway) is
 * away, or it did not answer in time. A page then says that it is not
 * answering and keeps trying, rather than showing a refusal.
 */
export function isNotAnswering(error: unknown): boolean {
  return isUnavailable(error) || errorKind(error) === "timeout";
}

/** True when the session cannot go on (bad or expired token, unknown client, refused metadata). */
export function isSessionRejection(error: unknown): boolean {
  return describeError(error).sessionFatal;
}

/** True when the controller knows no such object ([E2] "not found", or NOT_FOUND). */
export function isNotFound(error: unknown): boolean {
  return errorKind(error) === "not-found";
}

/**
 * True when the name asked for leads to no object: unknown, or a name the
 * controller cannot parse ([N2], INVALID_ARGUMENT). Detail pages then say
 * "no such lease" instead of an error, and stop polling.
 */
export function isNoSuchObject(error: unknown): boolean {
  const kind = errorKind(error);
  return kind === "not-found" || kind === "invalid-argument";
}

/** True for a continue token too old to use ([P4]): the listing starts over. */
export function isContinueTooOld(error: unknown): boolean {
  return errorKind(error) === "continue-expired";
}

/**
 * True when the controller refused what was asked (a filter its label parser
 * rejects [F1], a tag_filter [LL2]) rather than failing: such an error is
 * shown next to the field that made the request.
 */
export function isRequestRefused(error: unknown): boolean {
  const kind = errorKind(error);
  return kind === "invalid-argument" || kind === "refused" || kind === "selector-refused";
}
