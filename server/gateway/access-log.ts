// One JSON line per RPC. Only the procedure, outcome, duration and peer
// address are written: never headers, so never a token.
import { Code, createContextKey } from "@connectrpc/connect";
import { codeToString } from "@connectrpc/connect/protocol-connect";

/** Filled while a call runs (by the forwarder or the body limit), read when the response closes. */
export interface CallRecord {
  code?: Code | "ok";
}

export const callRecordKey = createContextKey<CallRecord | undefined>(undefined, { description: "gateway call record" });

export interface CallLine {
  method: string;
  code: Code | "ok" | undefined;
  durationMs: number;
  peer: string | undefined;
}

export function codeName(code: Code | "ok" | undefined): string {
  if (code === undefined) return "unknown";
  return code === "ok" ? "ok" : codeToString(code);
}

const codes: readonly Code[] = Object.values(Code).filter((v): v is Code => typeof v === "number");

/** The gRPC status a trailers-only response carries in its headers, if any. */
export function codeFromStatusHeader(value: unknown): Code | "ok" | undefined {
  const n = typeof value === "string" ? Number(value) : NaN;
  if (n === 0) return "ok";
  return codes.find((code) => Number(code) === n);
}

export function formatCallLine(line: CallLine, now: Date = new Date()): string {
  const entry: Record<string, string | number> = {
    time: now.toISOString(),
    method: line.method,
    code: codeName(line.code),
    durationMs: Math.round(line.durationMs * 10) / 10,
  };
  if (line.peer !== undefined) entry.peer = line.peer;
  return JSON.stringify(entry);
}
