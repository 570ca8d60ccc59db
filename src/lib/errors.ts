// The one place that turns a failed call into words a lab user understands.
// Every message keeps the controller's own text: it is often the only
// explanation of what went wrong (an invalid selector, a namespace mismatch).
import { Code, ConnectError } from "@connectrpc/connect";

/** A failure described for people: a short title and a sentence with the details. */
export interface ErrorDescription {
  /** The Connect code, or undefined when the failure did not come from a call. */
  readonly code: Code | undefined;
  /** A short heading ("The lab controller cannot be reached"). */
  readonly title: string;
  /** One sentence for people, including the controller's own message. */
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

/** True for failures worth retrying: the controller or the gateway is away for now. */
export function isUnavailable(error: unknown): boolean {
  return toConnectError(error).code === Code.Unavailable || isNetworkFailure(error);
}

/** True when the controller rejected the session's token. */
export function isUnauthenticated(error: unknown): boolean {
  return toConnectError(error).code === Code.Unauthenticated;
}

/** True when the controller knows no such object. */
export function isNotFound(error: unknown): boolean {
  return toConnectError(error).code === Code.NotFound;
}

/** True when the request itself was wrong (a bad selector, a bad time...). */
export function isInvalidArgument(error: unknown): boolean {
  return toConnectError(error).code === Code.InvalidArgument;
}

function sentence(text: string): string {
  const t = text.trim();
  if (t === "") return t;
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function withDetail(prefix: string, detail: string): string {
  return detail === "" ? sentence(prefix) : sentence(`${prefix}: ${detail}`);
}

/** Describes any failure for people. */
export function describeError(error: unknown): ErrorDescription {
  const e = toConnectError(error);
  const detail = e.rawMessage.trim();
  const make = (title: string, message: string): ErrorDescription => ({ code: e.code, title, message, detail });
  if (isNetworkFailure(e)) {
    return make(
      "The portal's server cannot be reached",
      withDetail("The browser got no answer from the portal's server; check your network", detail),
    );
  }
  switch (e.code) {
    case Code.Unavailable:
      return make("The lab controller cannot be reached", withDetail("The lab controller cannot be reached", detail));
    case Code.Unauthenticated:
      return make(
        "Your session was rejected",
        withDetail("Your session was rejected by the controller", detail),
      );
    case Code.PermissionDenied:
      return make("Not allowed", withDetail("Not allowed", detail));
    case Code.NotFound:
      return make("Not found", withDetail("Not found", detail));
    case Code.InvalidArgument:
      return make("The request was not accepted", sentence(detail === "" ? "The controller did not accept the request" : detail));
    case Code.AlreadyExists:
      return make("Already exists", withDetail("Already exists", detail));
    case Code.FailedPrecondition:
      return make("Not possible now", withDetail("Not possible now", detail));
    case Code.OutOfRange:
      return make("Out of range", withDetail("Out of range", detail));
    case Code.ResourceExhausted:
      return make("Too many requests", withDetail("The controller is busy; try again shortly", detail));
    case Code.DeadlineExceeded:
      return make("No answer in time", withDetail("The lab controller took too long to answer", detail));
    case Code.Canceled:
      return make("Cancelled", withDetail("The request was cancelled", detail));
    case Code.Aborted:
      return make("Conflict", withDetail("The request conflicted with another change; try again", detail));
    case Code.Unimplemented:
      return make("Not supported", withDetail("This controller does not support that request", detail));
    case Code.Internal:
    case Code.DataLoss:
    case Code.Unknown:
      return make("The lab controller reported an error", withDetail("The lab controller reported an error", detail));
  }
}

/** The one-sentence form of describeError, for inline helper texts and banners. */
export function errorMessage(error: unknown): string {
  return describeError(error).message;
}
