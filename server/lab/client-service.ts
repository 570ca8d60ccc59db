// jumpstarter.client.v1.ClientService handlers. Order of checks on every call:
// token (Unauthenticated), malformed input (InvalidArgument), another
// namespace (PermissionDenied), unknown object (NotFound), then state.
// Nothing changes unless every check passed.
import { randomBytes } from "node:crypto";
import { create } from "@bufbuild/protobuf";
import { EmptySchema, timestampFromMs } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, type HandlerContext, type ServiceImpl } from "@connectrpc/connect";
import { quoteText } from "../../src/domain/labels.js";
import { reconcileLeaseTimes, type LeaseTimes, type ReconciledLeaseTimes } from "../../src/domain/lease-times.js";
import { parseParent, parseResourceName, validateObjectName, type ResourceKind } from "../../src/domain/resource-names.js";
import { formatSelector, matchesSelector, parseSelector, selectorErrorText, type Selector } from "../../src/domain/selector.js";
import { uuidv7 } from "../../src/domain/uuidv7.js";
import {
  type ClientService,
  ListExportersResponseSchema,
  ListLeasesResponseSchema,
  RotateTokenResponseSchema,
  type Lease,
} from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { authenticate } from "./auth.js";
import type { LabEngine } from "./engine.js";
import { checkContext, checkDerivedTimes, checkDuration, checkTags, checkTimestamp } from "./lease-input.js";
import type { ListKind, PageTokens } from "./page-token.js";
import type { ClientRecord, LeaseRecord } from "./records.js";
import type { LabStore } from "./store.js";
import { exporterToProto, leaseLabels, leaseToProto } from "./to-proto.js";

export const TOKEN_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

export interface ClientServiceDeps {
  readonly namespace: string;
  readonly store: LabStore;
  readonly engine: LabEngine;
  readonly pageTokens: PageTokens;
  readonly now: () => number;
  /** Called after a token rotation is committed (the lab rewrites the client's config file). */
  readonly onTokenRotated?: (client: ClientRecord) => void;
}

const UPDATABLE_PATHS = ["duration", "begin_time", "end_time", "client"] as const;
type UpdatablePath = (typeof UPDATABLE_PATHS)[number];

const invalid = (message: string): ConnectError => new ConnectError(message, Code.InvalidArgument);

function isUpdatable(path: string): path is UpdatablePath {
  return (UPDATABLE_PATHS as readonly string[]).includes(path);
}

/** Keyset paging over a name-sorted list. */
function page<T extends { readonly name: string }>(
  items: readonly T[],
  pageSize: number,
  after: string | undefined,
): { items: T[]; last: string | undefined } {
  const start = after === undefined ? 0 : items.findIndex((i) => i.name > after);
  const rest = start < 0 ? [] : items.slice(start);
  if (pageSize === 0 || rest.length <= pageSize) return { items: rest, last: undefined };
  const taken = rest.slice(0, pageSize);
  return { items: taken, last: taken[taken.length - 1]?.name };
}

export function createClientService(deps: ClientServiceDeps): ServiceImpl<typeof ClientService> {
  const { namespace, store, engine, pageTokens, now } = deps;

  const caller = (ctx: HandlerContext): ClientRecord => authenticate(ctx.requestHeader, store, now());

  function checkNamespace(requested: string): void {
    if (requested !== namespace) {
      throw new ConnectError(
        `namespace mismatch: your token belongs to namespace "${namespace}", not "${requested}"`,
        Code.PermissionDenied,
      );
    }
  }

  /** The namespace of a well-formed parent (InvalidArgument otherwise); not checked against the caller's yet. */
  function parentNamespace(value: string): string {
    const parsed = parseParent(value);
    if (!parsed.ok) throw invalid(`invalid parent: ${parsed.message}`);
    return parsed.namespace;
  }

  function parent(value: string): void {
    checkNamespace(parentNamespace(value));
  }

  /** A well-formed resource name (InvalidArgument otherwise); its namespace is not checked yet. */
  function parsedName(value: string, kind: ResourceKind, field: string): { namespace: string; name: string } {
    const parsed = parseResourceName(value, kind);
    if (!parsed.ok) throw invalid(`invalid ${field}: ${parsed.message}`);
    return parsed;
  }

  function objectName(value: string, kind: ResourceKind, field = "name"): string {
    const parsed = parsedName(value, kind, field);
    checkNamespace(parsed.namespace);
    return parsed.name;
  }

  function selector(field: string, text: string): Selector {
    const parsed = parseSelector(text);
    if (!parsed.ok) throw invalid(`invalid ${field} ${quoteText(text)}: ${selectorErrorText(parsed.error)}`);
    return parsed.selector;
  }

  /** Kubernetes keeps equality terms in a map (matchLabels): one key cannot want two values. */
  function leaseSelector(text: string): Selector {
    const parsed = selector("selector", text);
    const wanted = new Map<string, string>();
    for (const r of parsed.requirements) {
      if (r.operator !== "=") continue;
      const value = r.values[0] ?? "";
      const earlier = wanted.get(r.key);
      if (earlier !== undefined && earlier !== value) {
        throw invalid(
          `invalid selector ${quoteText(text)}: label "${r.key}" cannot equal both "${earlier}" and "${value}" (for either one, write ${r.key} in (${earlier},${value}))`,
        );
      }
      wanted.set(r.key, value);
    }
    return parsed;
  }

  function reconciled(times: LeaseTimes): ReconciledLeaseTimes {
    const result = reconcileLeaseTimes(times);
    if (!result.ok) throw invalid(result.message);
    const problem = checkDerivedTimes(result.times);
    if (problem !== undefined) throw invalid(problem);
    return result.times;
  }

  function pageStart(kind: ListKind, query: readonly unknown[], pageSize: number, token: string): string | undefined {
    if (pageSize < 0) throw invalid(`page_size must be 0 (no limit) or positive, not ${pageSize}`);
    if (token === "") return undefined;
    const after = pageTokens.verify(kind, query, token);
    if (after === undefined) {
      throw invalid("invalid page_token: use the next_page_token of the previous page, with the same filters");
    }
    return after;
  }

  function existingLease(name: string): LeaseRecord {
    const lease = store.lease(name);
    if (lease === undefined) throw new ConnectError(`lease "${name}" not found in namespace "${namespace}"`, Code.NotFound);
    return lease;
  }

  function ownedBy(lease: LeaseRecord, client: ClientRecord, action: string): void {
    if (lease.client !== client.name) {
      throw new ConnectError(
        `lease "${lease.name}" belongs to client "${lease.client}"; only its owner may ${action} it`,
        Code.PermissionDenied,
      );
    }
  }

  function checked<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
    if (!result.ok) throw invalid(result.message);
    return result.value;
  }

  const toProto = (lease: LeaseRecord): Lease => leaseToProto(namespace, lease, now());

  return {
    getExporter(req, ctx) {
      caller(ctx);
      const name = objectName(req.name, "exporters");
      const exporter = store.exporter(name);
      if (exporter === undefined) {
        throw new ConnectError(`exporter "${name}" not found in namespace "${namespace}"`, Code.NotFound);
      }
      return exporterToProto(namespace, exporter, req.showHiddenLabels);
    },

    listExporters(req, ctx) {
      caller(ctx);
      parent(req.parent);
      const filter = selector("filter", req.filter);
      const query = [req.filter];
      const after = pageStart("exporters", query, req.pageSize, req.pageToken);
      const matching = store.exporters().filter((e) => matchesSelector(filter, e.labels));
      const { items, last } = page(matching, req.pageSize, after);
      return create(ListExportersResponseSchema, {
        exporters: items.map((e) => exporterToProto(namespace, e, req.showHiddenLabels)),
        nextPageToken: last === undefined ? "" : pageTokens.issue("exporters", query, last),
      });
    },

    getLease(req, ctx) {
      caller(ctx);
      return toProto(existingLease(objectName(req.name, "leases")));
    },

    listLeases(req, ctx) {
      caller(ctx);
      parent(req.parent);
      const filter = selector("filter", req.filter);
      const tagFilter = selector("tag_filter", req.tagFilter);
      const onlyActive = req.onlyActive ?? true;
      const query = [req.filter, onlyActive, req.tagFilter];
      const after = pageStart("leases", query, req.pageSize, req.pageToken);
      const filtered = filter.requirements.length > 0;
      const matching = store
        .leases()
        .filter(
          (l) =>
            (!onlyActive || !l.ended) &&
            matchesSelector(tagFilter, l.tags) &&
            (!filtered || matchesSelector(filter, leaseLabels(l))),
        );
      const { items, last } = page(matching, req.pageSize, after);
      return create(ListLeasesResponseSchema, {
        leases: items.map(toProto),
        nextPageToken: last === undefined ? "" : pageTokens.issue("leases", query, last),
      });
    },

    createLease(req, ctx) {
      const client = caller(ctx);
      const requestedNamespace = parentNamespace(req.parent);
      const lease = req.lease;
      if (lease === undefined) throw invalid("lease is required");
      if (req.leaseId !== "") {
        const problem = validateObjectName(req.leaseId, "lease_id");
        if (problem !== undefined) throw invalid(problem);
      }
      const exporterName = lease.exporterName === undefined || lease.exporterName === "" ? undefined : lease.exporterName;
      if (lease.selector === "" && exporterName === undefined) {
        throw invalid("a lease needs a selector or an exporter_name (or both)");
      }
      const parsed = leaseSelector(lease.selector);
      const tagProblem = checkTags(lease.tags);
      if (tagProblem !== undefined) throw invalid(tagProblem);
      const contextProblem = checkContext(lease.context);
      if (contextProblem !== undefined) throw invalid(contextProblem);
      const times = reconciled({
        durationMs: checked(checkDuration("duration", lease.duration)),
        beginMs: checked(checkTimestamp("begin_time", lease.beginTime)),
        endMs: checked(checkTimestamp("end_time", lease.endTime)),
      });
      checkNamespace(requestedNamespace);
      const created = engine.createLease({
        name: req.leaseId === "" ? uuidv7(now()) : req.leaseId,
        client: client.name,
        selector: formatSelector(parsed),
        exporterName,
        times,
        tags: { ...lease.tags },
        context: { ...lease.context },
        allowDisabled: lease.allowDisabled,
      });
      return toProto(created);
    },

    updateLease(req, ctx) {
      const client = caller(ctx);
      const input = req.lease;
      if (input === undefined) throw invalid("lease is required");
      if (input.name === "") throw invalid("lease.name is required");
      const target = parsedName(input.name, "leases", "lease.name");
      const paths = req.updateMask?.paths ?? [];
      for (const path of paths) {
        if (!isUpdatable(path)) {
          throw invalid(`update_mask path ${quoteText(path)} cannot be updated: UpdateLease changes ${UPDATABLE_PATHS.join(", ")}`);
        }
      }
      // An empty mask means every updatable field the message sets.
      const fields = new Set<UpdatablePath>(
        paths.length > 0
          ? paths.filter(isUpdatable)
          : [
              ...(input.duration !== undefined ? (["duration"] as const) : []),
              ...(input.beginTime !== undefined ? (["begin_time"] as const) : []),
              ...(input.endTime !== undefined ? (["end_time"] as const) : []),
              ...(input.client !== undefined && input.client !== "" ? (["client"] as const) : []),
            ],
      );
      // What the request gives, checked on its own (a masked field left unset clears it).
      const durationMs = fields.has("duration") ? checked(checkDuration("duration", input.duration)) : undefined;
      const beginMs = fields.has("begin_time") ? checked(checkTimestamp("begin_time", input.beginTime)) : undefined;
      const endMs = fields.has("end_time") ? checked(checkTimestamp("end_time", input.endTime)) : undefined;
      let receiver: { namespace: string; name: string } | undefined;
      if (fields.has("client")) {
        if (input.client === undefined || input.client === "") {
          throw invalid("update_mask names client but lease.client is empty: give namespaces/{namespace}/clients/{name}");
        }
        receiver = parsedName(input.client, "clients", "lease.client");
      }

      checkNamespace(target.namespace);
      if (receiver !== undefined) checkNamespace(receiver.namespace);
      const name = target.name;
      const lease = existingLease(name);
      ownedBy(lease, client, "update");
      if (fields.size === 0) return toProto(lease);
      if (lease.ended) throw new ConnectError(`lease "${name}" has already ended`, Code.FailedPrecondition);
      if (receiver !== undefined && store.client(receiver.name) === undefined) {
        throw new ConnectError(`client "${receiver.name}" not found in namespace "${namespace}"`, Code.NotFound);
      }

      let times: ReconciledLeaseTimes | undefined;
      if (fields.has("duration") || fields.has("begin_time") || fields.has("end_time")) {
        const begin = fields.has("begin_time") ? beginMs : lease.beginMs;
        const end = fields.has("end_time") ? endMs : lease.endMs;
        if (fields.has("begin_time") && lease.exporter !== undefined && begin !== lease.beginMs) {
          throw new ConnectError(`begin_time of lease "${name}" cannot change: an exporter is already assigned`, Code.FailedPrecondition);
        }
        // The stored duration is not something this request gave: when the lease ends up with a
        // begin and an end, the duration is theirs (end - begin), so moving either end resizes the
        // window. A new duration against a stored window still conflicts.
        const storedDuration = begin !== undefined && end !== undefined ? undefined : lease.durationMs;
        times = reconciled({ durationMs: fields.has("duration") ? durationMs : storedDuration, beginMs: begin, endMs: end });
      }
      const changes = { ...(times === undefined ? {} : { times }), ...(receiver === undefined ? {} : { client: receiver.name }) };
      return toProto(engine.updateLease(name, changes));
    },

    deleteLease(req, ctx) {
      const client = caller(ctx);
      const name = objectName(req.name, "leases");
      const lease = existingLease(name);
      ownedBy(lease, client, "release");
      if (lease.ended) throw new ConnectError(`lease "${name}" has already ended`, Code.FailedPrecondition);
      engine.releaseLease(name, `released by client "${client.name}"`);
      return create(EmptySchema);
    },

    rotateToken(req, ctx) {
      const client = caller(ctx);
      parent(req.parent);
      const expiry = now() + TOKEN_LIFETIME_MS;
      const rotated: ClientRecord = {
        ...client,
        token: randomBytes(32).toString("base64url"),
        tokenExpiryMs: expiry,
        rotated: true,
      };
      store.commit({ clients: [rotated] });
      deps.onTokenRotated?.(rotated);
      return create(RotateTokenResponseSchema, { token: rotated.token, expiry: timestampFromMs(expiry) });
    },
  };
}
