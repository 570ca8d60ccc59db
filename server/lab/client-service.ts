// jumpstarter.client.v1.ClientService as the controller serves it (spec
// section 9): each RPC runs its steps in the controller's order, stops at the
// first failure, and answers with the controller's codes and texts (section 6).
// Nothing changes unless every check passed.
import { create } from "@bufbuild/protobuf";
import { EmptySchema, timestampFromMs } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, type HandlerContext, type ServiceImpl } from "@connectrpc/connect";
import { LEASE_ENDED_LABEL, TAG_LABEL_PREFIX, validateLeaseTags } from "../../src/domain/lease-fields.js";
import { kubeLabelKeyProblem } from "../../src/domain/labels.js";
import { reconcileLeaseTimes, wholeSecondMs, type ReconciledLeaseTimes } from "../../src/domain/lease-times.js";
import { formatSelector, leaseSelectorProblem, matchesSelector, parseSelector, selectorErrorText, type Selector } from "../../src/domain/selector.js";
import { uuidv7 } from "../../src/domain/uuidv7.js";
import {
  type ClientService,
  ExporterSchema,
  LeaseSchema,
  ListExportersResponseSchema,
  ListLeasesResponseSchema,
  RotateTokenResponseSchema,
  type Lease,
} from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { leaseObjectInvalid } from "./api-validation.js";
import { encodedEntry, encodedPerRecord, withEncodedEntries } from "./encoded-messages.js";
import { authenticate, type AuthDeps, type MetadataView } from "./auth.js";
import type { ContinueTokens } from "./continue-tokens.js";
import type { LabEngine } from "./engine.js";
import { exporterLabels } from "./exporter-status.js";
import { parseObjectIdentifier, parseParentIdentifier } from "./identifiers.js";
import type { LabelPolicy } from "./label-visibility.js";
import { hasTimeFields, mergedTimes, ownTimesProblem, type RequestedTimes } from "./lease-update.js";
import { exactDurationMs, exactTimestampMs } from "./proto-times.js";
import type { ClientRecord, ExporterRecord, LeaseRecord } from "./records.js";
import type { LabStore } from "./store.js";
import { exporterToProto, leaseLabels, leaseToProto } from "./to-proto.js";

export interface ClientServiceDeps {
  readonly namespace: string;
  readonly store: LabStore;
  readonly engine: LabEngine;
  readonly continueTokens: ContinueTokens;
  readonly labels: LabelPolicy;
  /** leasePolicy.maxTags, effective ([TG3]). */
  readonly maxTags: number;
  readonly auth: Omit<AuthDeps, "namespace" | "now">;
  /** The call's metadata with repeated headers kept apart. */
  readonly metadata: (ctx: HandlerContext) => MetadataView;
  /** Mints a token for the client and stores it as its credential [K2]. */
  readonly rotateToken: (client: ClientRecord) => Promise<ClientRecord>;
  readonly now: () => number;
}

const invalid = (message: string): ConnectError => new ConnectError(message, Code.InvalidArgument);
const unknown = (message: string): ConnectError => new ConnectError(message, Code.Unknown);

/** client-go refuses to Get an object with an empty name before asking the API server [N2]. */
const EMPTY_NAME = "resource name may not be empty";

/** [T5]: a handler panic, as the controller's recovery interceptor reports it. */
const NIL_LEASE_PANIC =
  "panic caught: runtime error: invalid memory address or nil pointer dereference\ngoroutine 1 [running]:\ngithub.com/jumpstarter-dev/jumpstarter-controller/internal/service.(*ClientService).UpdateLease(...)";

/** [F1] A filter: the Kubernetes label-selector grammar, parse failures UNKNOWN with the parser's text. */
function filterSelector(text: string): Selector {
  const parsed = parseSelector(text);
  if (!parsed.ok) throw unknown(selectorErrorText(parsed.error));
  return parsed.selector;
}

/** [F4] A lease selector: the same grammar, fewer operators, one value per key. */
function leaseSelector(text: string): Selector {
  const parsed = parseSelector(text);
  if (!parsed.ok) throw unknown(`failed to parse label selector: ${selectorErrorText(parsed.error)}`);
  const problem = leaseSelectorProblem(parsed.selector);
  if (problem !== undefined) throw unknown(problem);
  return parsed.selector;
}

/** [LL2]/[LL3] tag_filter terms, each with its key under metadata.jumpstarter.dev/. */
function tagFilterSelector(text: string): Selector {
  const parsed = parseSelector(text);
  if (!parsed.ok) throw invalid(`invalid tag_filter: ${selectorErrorText(parsed.error)}`);
  return {
    requirements: parsed.selector.requirements.map((r) => {
      const key = `${TAG_LABEL_PREFIX}${r.key}`;
      const problem = kubeLabelKeyProblem(key);
      if (problem !== undefined) throw invalid(`invalid tag_filter requirement: ${problem}`);
      return { ...r, key };
    }),
  };
}

function requestedTimes(lease: Lease): RequestedTimes {
  return { durationMs: exactDurationMs(lease.duration), beginMs: exactTimestampMs(lease.beginTime), endMs: exactTimestampMs(lease.endTime) };
}

export function createClientService(deps: ClientServiceDeps): ServiceImpl<typeof ClientService> {
  const { namespace, store, engine, continueTokens, labels, now } = deps;
  const authDeps: AuthDeps = { ...deps.auth, namespace, now };

  const caller = (ctx: HandlerContext, requestNamespace: string): Promise<ClientRecord> =>
    authenticate(deps.metadata(ctx), requestNamespace, authDeps);

  function storedLease(name: string): LeaseRecord {
    if (name === "") throw unknown(EMPTY_NAME);
    const lease = store.lease(name);
    if (lease === undefined) throw unknown(`leases.jumpstarter.dev "${name}" not found`);
    return lease;
  }

  // The exporter messages of [XL1], encoded once per record (namespace and label policy are fixed for the lab's life).
  const encodedExporter = encodedPerRecord(ExporterSchema, (e: ExporterRecord, shown: "all" | "visible") =>
    exporterToProto(namespace, e, labels, shown === "all"),
  );
  const exportersField = ListExportersResponseSchema.field.exporters.number;
  // A lease's message, likewise, when it does not depend on the time: one holding an exporter
  // reports how long it has held it (effective_duration, [O4]) and is built at each call.
  const encodedLease = encodedPerRecord(LeaseSchema, (l: LeaseRecord, _variant: "listed") => toProto(l));
  const leasesField = ListLeasesResponseSchema.field.leases.number;
  const leaseEntry = (l: LeaseRecord): Uint8Array =>
    l.effectiveBeginMs !== undefined && l.effectiveEndMs === undefined ? encodedEntry(LeaseSchema, toProto(l)) : encodedLease(l, "listed");

  const toProto = (lease: LeaseRecord, withDeprecated = true): Lease => leaseToProto(namespace, lease, now(), withDeprecated ? labels : undefined);

  /** [TR1] steps 1-5, with the time fields of the request already applied. */
  function transferTarget(lease: LeaseRecord, target: string): string {
    if (lease.exporter === undefined) throw unknown("cannot transfer lease: lease has not started yet");
    if (lease.ended) throw unknown("cannot transfer lease: lease has already ended");
    const parsed = parseObjectIdentifier(target, "clients");
    if (parsed.namespace !== namespace) throw unknown("cannot transfer lease to client in different namespace");
    if (store.client(parsed.name) === undefined) throw unknown(`target client not found: clients.jumpstarter.dev "${parsed.name}" not found`);
    return parsed.name;
  }

  return {
    // [X1]
    async getExporter(req, ctx) {
      const id = parseObjectIdentifier(req.name, "exporters");
      await caller(ctx, id.namespace);
      if (id.name === "") throw unknown(EMPTY_NAME);
      const exporter = store.exporter(id.name);
      if (exporter === undefined) throw unknown(`exporters.jumpstarter.dev "${id.name}" not found`);
      return exporterToProto(namespace, exporter, labels, req.showHiddenLabels);
    },

    // [XL1]
    async listExporters(req, ctx) {
      await caller(ctx, parseParentIdentifier(req.parent));
      const filter = filterSelector(req.filter);
      // [F2] the filter sees every label, hidden ones included.
      const keep = filter.requirements.length === 0 ? () => true : (e: ExporterRecord) => matchesSelector(filter, exporterLabels(e));
      const page = continueTokens.page("exporters", req.pageToken, req.pageSize, () => store.exporters(), keep, now());
      const shown = req.showHiddenLabels ? "all" : "visible";
      return withEncodedEntries(
        ListExportersResponseSchema,
        { nextPageToken: page.nextPageToken },
        exportersField,
        page.items.map((e) => encodedExporter(e, shown)),
      );
    },

    // [LG1]
    async getLease(req, ctx) {
      const id = parseObjectIdentifier(req.name, "leases");
      await caller(ctx, id.namespace);
      return toProto(storedLease(id.name));
    },

    // [LL1]-[LL5]
    async listLeases(req, ctx) {
      await caller(ctx, parseParentIdentifier(req.parent));
      const filter = filterSelector(req.filter);
      const terms = [...filter.requirements];
      if (req.tagFilter !== "") terms.push(...tagFilterSelector(req.tagFilter).requirements);
      if (req.onlyActive ?? true) terms.push({ key: LEASE_ENDED_LABEL, operator: "!", values: [] });
      const selector: Selector = { requirements: terms };
      const page = continueTokens.page("leases", req.pageToken, req.pageSize, () => store.leases(), (l) => matchesSelector(selector, leaseLabels(l)), now());
      return withEncodedEntries(ListLeasesResponseSchema, { nextPageToken: page.nextPageToken }, leasesField, page.items.map(leaseEntry));
    },

    // [C1]-[C11]
    async createLease(req, ctx) {
      const input = req.lease;
      if (input === undefined) throw invalid("lease is required");
      const pinned = input.exporterName ?? "";
      if (input.selector === "" && pinned === "") throw invalid("one of selector or exporter_name is required");
      const tagProblem = validateLeaseTags(input.tags, deps.maxTags);
      if (tagProblem !== undefined) throw invalid(`invalid lease tags: ${tagProblem}`);
      const client = await caller(ctx, parseParentIdentifier(req.parent));

      const name = req.leaseId !== "" ? req.leaseId : uuidv7(now());
      const selector = leaseSelector(input.selector);
      const reconciled = reconcileLeaseTimes(requestedTimes(input));
      if (!reconciled.ok) throw unknown(reconciled.message);
      const times: ReconciledLeaseTimes = {
        durationMs: reconciled.times.durationMs,
        ...(reconciled.times.beginMs === undefined ? {} : { beginMs: wholeSecondMs(reconciled.times.beginMs) }),
        ...(reconciled.times.endMs === undefined ? {} : { endMs: wholeSecondMs(reconciled.times.endMs) }),
      };
      const refused = leaseObjectInvalid({
        name,
        tags: input.tags,
        context: input.context,
        noTarget: selector.requirements.length === 0 && pinned === "",
      });
      if (refused !== undefined) throw unknown(refused);
      if (store.lease(name) !== undefined) throw unknown(`leases.jumpstarter.dev "${name}" already exists`);
      const created = engine.createLease({
        name,
        client: client.name,
        selector: formatSelector(selector),
        exporterName: pinned === "" ? undefined : pinned,
        times,
        tags: { ...input.tags },
        context: { ...input.context },
        allowDisabled: input.allowDisabled,
      });
      return toProto(created);
    },

    // [U1]-[U11]
    async updateLease(req, ctx) {
      const input = req.lease;
      if (input === undefined) throw unknown(NIL_LEASE_PANIC);
      const id = parseObjectIdentifier(input.name, "leases");
      const client = await caller(ctx, id.namespace);
      const lease = storedLease(id.name);
      if (lease.client !== client.name) throw unknown("UpdateLease permission denied");

      const requested = requestedTimes(input);
      const timeChange = hasTimeFields(requested);
      const stored = { durationMs: lease.durationMs, beginMs: lease.beginMs, endMs: lease.endMs, hadExporter: lease.exporter !== undefined };
      if (timeChange) {
        if (input.selector !== "") leaseSelector(input.selector);
        const problem = ownTimesProblem(stored, requested, wholeSecondMs);
        if (problem !== undefined) throw unknown(problem);
      }
      const target = (input.client ?? "") === "" ? undefined : transferTarget(lease, input.client ?? "");
      let times: ReconciledLeaseTimes | undefined;
      if (timeChange) {
        const merged = mergedTimes(stored, requested, wholeSecondMs);
        if (!merged.ok) throw unknown(merged.message);
        times = merged.times;
      }
      if (times === undefined && target === undefined) return toProto(lease, false);
      const updated = engine.updateLease(lease.name, { ...(times === undefined ? {} : { times }), ...(target === undefined ? {} : { client: target }) });
      return toProto(updated, false);
    },

    // [D1]-[D4]
    async deleteLease(req, ctx) {
      const id = parseObjectIdentifier(req.name, "leases");
      const client = await caller(ctx, id.namespace);
      const lease = storedLease(id.name);
      if (lease.client !== client.name) throw unknown("DeleteLease permission denied");
      if (lease.released) throw new ConnectError(`lease "${req.name}" has already been released`, Code.FailedPrecondition);
      engine.requestRelease(lease.name, `client ${client.name}`);
      return create(EmptySchema);
    },

    // [K1]-[K4]
    async rotateToken(req, ctx) {
      const client = await caller(ctx, parseParentIdentifier(req.parent));
      let rotated: ClientRecord;
      try {
        rotated = await deps.rotateToken(client);
      } catch (e) {
        throw new ConnectError(`failed to sign token: ${e instanceof Error ? e.message : String(e)}`, Code.Internal);
      }
      return create(RotateTokenResponseSchema, { token: rotated.token, expiry: timestampFromMs(rotated.tokenExpiryMs) });
    },
  };
}
