// /leases/new?exporter=NAME&selector=... : make a lease. The form's values are
// UI state (not server state); the lab's exporters and active leases come
// from the shared caches. The lease_id is chosen once per form, so a submit
// retried after a network failure can never make two leases.
import "@/features/booking/booking.css";
import { Title } from "@/components/title";
import { PageSection } from "@/components/page-section";
import { useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { exporterState } from "@/components/exporter-status";
import { useToasts } from "@/components/toasts";
import { keepsLeaseTags } from "@/domain/controller-version";
import { shortName } from "@/domain/resource-names";
import { matchesSelector, parseSelector } from "@/domain/selector";
import { formatBookedDuration } from "@/domain/time-words";
import { uuidv7 } from "@/domain/uuidv7";
import {
  buildCreateLeaseRequest,
  initialCreateLeaseValues,
  type CreateLeaseBuild,
  type CreateLeaseField,
  type CreateLeaseValues,
  type FieldErrors,
} from "@/features/booking/create-lease-values";
import { readCreatePrefill, type CreateLeasePrefill } from "@/domain/create-lease-link";
import { CreateLeaseForm } from "@/features/booking/create-lease-form";
import { createLeaseLabPartsCode } from "@/features/booking/create-lease-lab-parts-code";
import { createdLeaseNotes, droppedFieldsSentence } from "@/features/booking/created-lease-notes";
import { SLOW_ANSWER_MS } from "@/features/booking/create-retry";
import { countMatches, heldExporters, isFree, labelCatalog, withRequirement } from "@/features/booking/exporter-matches";
import { useCreateLease } from "@/features/booking/use-create-lease";
import type { WindowOutlook } from "@/features/booking/window-outlook";
import { useLabExporters } from "@/lib/use-lab-exporters";
import { useLeaseList } from "@/lib/use-lease-list";
import { describeError, errorKind, isNetworkFailure, isUnavailable } from "@/lib/errors";
import { formatClockTime } from "@/lib/format-date";
import { useSession } from "@/lib/session-context";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useLoaded } from "@/lib/use-loaded";
import { useNow } from "@/lib/use-now";

/** Which field each value belongs to, for "show its problem once touched". */
const FIELD_OF: Readonly<Record<keyof CreateLeaseValues, CreateLeaseField | undefined>> = {
  target: undefined,
  selector: "selector",
  exporterName: "exporterName",
  lengthMode: undefined,
  durationChoice: "duration",
  customDuration: "duration",
  startMode: undefined,
  startAt: "startAt",
  endAt: "endAt",
  tags: "tags",
};

/** Where focus goes when a submit finds a problem, in the form's order. */
const FIELD_INPUT: readonly (readonly [CreateLeaseField, string])[] = [
  ["selector", "create-selector"],
  ["exporterName", "create-exporter-search"],
  ["startAt", "create-start-time"],
  ["duration", "create-custom-duration"],
  ["endAt", "create-end-time"],
  ["tags", "create-tag-0-key"],
];

const MATCHING_NAMES_SHOWN = 8;

/** Boards the controller cannot assign as things stand ([L2] steps 3, 5, 8), with why in words. */
const UNUSABLE_KINDS = new Set(["offline", "disabled", "hook-failed"]);

/** Waiting leases are drawn from "now": recompute the bookings twice a minute, not every tick. */
const BOOKINGS_STEP_MS = 30_000;

function summarise(values: CreateLeaseValues, built: CreateLeaseBuild, nowMs: number): string | undefined {
  if (!built.ok) return undefined;
  const what = values.target === "selector" ? `any exporter matching ${values.selector.trim()}` : values.exporterName.trim();
  const start = built.beginMs === undefined ? "as soon as it is free" : `from ${formatClockTime(built.beginMs, nowMs)}`;
  const length = built.endMs !== undefined ? `until ${formatClockTime(built.endMs, nowMs)}` : `for ${formatBookedDuration(built.durationMs)}`;
  return `You are asking for ${what}, ${start}, ${length}.`;
}

function NewLeaseForm({ prefill }: { prefill: CreateLeasePrefill }) {
  const exporter = prefill.exporter ?? null;
  const selector = prefill.selector ?? null;
  const session = useSession();
  const navigate = useNavigate();
  const toasts = useToasts();
  const now = useNow();
  const [values, setValues] = useState(() => initialCreateLeaseValues(prefill, Date.now()));
  const [leaseId] = useState(() => uuidv7());
  // A selector or board from the link is what the user asked for: its problems show at once.
  const [touched, setTouched] = useState<ReadonlySet<CreateLeaseField>>(() => {
    const prefilled = new Set<CreateLeaseField>();
    if ((selector ?? "") !== "") prefilled.add("selector");
    if ((exporter ?? "") !== "") prefilled.add("exporterName");
    return prefilled;
  });
  const [submitted, setSubmitted] = useState(false);
  /** When the last submit was sent, to say so when no answer comes. */
  const [sentAt, setSentAt] = useState<number | undefined>(undefined);

  const exporters = useLabExporters();
  const active = useLeaseList(true, "");
  const create = useCreateLease();
  // The picker and the window's outlook, started by the route beside the calls they wait for.
  const lab = useLoaded(createLeaseLabPartsCode);

  const exporterList = exporters.data?.exporters;
  const catalog = useMemo(() => labelCatalog(exporterList ?? []), [exporterList]);
  const keepsTags = useMemo(() => keepsLeaseTags(exporterList ?? []), [exporterList]);
  const held = useMemo(() => heldExporters(active.data?.leases ?? []), [active.data]);
  const selectorObj = useMemo(() => {
    const parsed = parseSelector(values.selector.trim());
    return parsed.ok ? parsed.selector : undefined;
  }, [values.selector]);
  const count = useMemo(
    () => (exporterList === undefined || selectorObj === undefined ? undefined : countMatches(exporterList, held, selectorObj)),
    [exporterList, held, selectorObj],
  );
  // The free ones are the names worth reading; when none is free, the ones it would wait for.
  const matchingNames = useMemo(() => {
    if (exporterList === undefined || selectorObj === undefined) return [];
    const matching = exporterList.filter((e) => matchesSelector(selectorObj, e.labels));
    const free = matching.filter((e) => isFree(e, held));
    return (free.length > 0 ? free : matching).slice(0, MATCHING_NAMES_SHOWN).map((e) => shortName(e.name));
  }, [exporterList, selectorObj, held]);

  const built = buildCreateLeaseRequest(values, { namespace: session.namespace, leaseId, nowMs: now });

  // Who has the boards in the chosen window (not just now), from the active leases.
  const bookingsAt = Math.floor(now / BOOKINGS_STEP_MS) * BOOKINGS_STEP_MS;
  const bookings = useMemo(
    () => (active.data === undefined || lab === undefined ? undefined : lab.bookingsOf(active.data.leases, bookingsAt)),
    [active.data, bookingsAt, lab],
  );
  const facts = useMemo(() => {
    if (exporterList === undefined || lab === undefined) return undefined;
    const why = new Map<string, string>();
    const boards = lab.boardFacts(exporterList, (e) => {
      const state = exporterState(e);
      if (!UNUSABLE_KINDS.has(state.kind)) return true;
      why.set(shortName(e.name), state.text.toLowerCase());
      return false;
    });
    return { boards, why };
  }, [exporterList, lab]);
  let outlook: WindowOutlook | undefined;
  if (built.ok && bookings !== undefined && facts !== undefined && lab !== undefined) {
    const startMs = built.beginMs ?? now;
    const req = { window: { startMs, endMs: built.endMs ?? startMs + built.durationMs }, endFixed: built.beginMs !== undefined || built.endMs !== undefined, scheduled: built.beginMs !== undefined };
    const ctx = { boards: facts.boards, bookings, me: session.clientName, unusableWhy: facts.why, clock: (ms: number) => formatClockTime(ms, now) };
    outlook =
      values.target === "exporter"
        ? lab.boardWindowOutlook(values.exporterName.trim(), req, ctx)
        : selectorObj === undefined
          ? undefined
          : lab.selectorWindowOutlook(selectorObj, req, ctx);
  }
  // A "book anyway" holds for the clash it was given for: another window or board asks again.
  const clashKey = outlook?.needsConfirmation === true ? `${values.target}|${values.selector}|${values.exporterName}|${outlook.headline}` : undefined;
  const [bookAnywayFor, setBookAnywayFor] = useState<string | undefined>(undefined);
  const [bookAnywayAsked, setBookAnywayAsked] = useState(false);
  const bookAnyway = clashKey !== undefined && bookAnywayFor === clashKey;
  const allErrors: FieldErrors = built.ok ? {} : built.errors;
  const visible: FieldErrors = submitted
    ? allErrors
    : Object.fromEntries(Object.entries(allErrors).filter(([field]) => touched.has(field as CreateLeaseField)));

  const change = (patch: Partial<CreateLeaseValues>): void => {
    setValues((v) => ({ ...v, ...patch }));
    const fields = Object.keys(patch)
      .map((k) => FIELD_OF[k as keyof CreateLeaseValues])
      .filter((f): f is CreateLeaseField => f !== undefined);
    if (fields.length > 0) setTouched((t) => new Set([...t, ...fields]));
  };

  const submit = (): void => {
    setSubmitted(true);
    const fresh = buildCreateLeaseRequest(values, { namespace: session.namespace, leaseId, nowMs: Date.now() });
    if (!fresh.ok) {
      const first = FIELD_INPUT.find(([field]) => fresh.errors[field] !== undefined);
      if (first !== undefined) document.getElementById(first[1])?.focus();
      return;
    }
    if (clashKey !== undefined && !bookAnyway) {
      setBookAnywayAsked(true);
      // A clash comes from an outlook, so the lab parts are in.
      if (lab !== undefined) document.getElementById(lab.BOOK_ANYWAY_ID)?.focus();
      return;
    }
    const request = fresh.request;
    setSentAt(Date.now());
    create.submit(request, {
      onSuccess: ({ lease, recovered }) => {
        const name = shortName(lease.name);
        if (recovered) {
          toasts.push({ variant: "info", key: `create:${name}`, title: "Your lease was already made", body: "An earlier attempt reached the controller after all; here it is." });
        }
        const notes = createdLeaseNotes(request, lease);
        const dropped = droppedFieldsSentence(notes.dropped);
        if (dropped !== undefined || notes.deprecated.length > 0) {
          toasts.push({
            variant: "warning",
            key: `create-notes:${name}`,
            title: dropped !== undefined ? "The lease was made, but not as asked" : "The lease's selector uses deprecated labels",
            timeoutMs: 0,
            body: (
              <ul className="portal-deprecated-list">
                {dropped !== undefined && <li>{dropped}</li>}
                {notes.deprecated.map((d) => (
                  <li key={d.key}>{d.text}</li>
                ))}
              </ul>
            ),
          });
        }
        void navigate(`/leases/${encodeURIComponent(name)}`);
      },
    });
  };

  const safeAgain = `Submitting again is safe: the portal sends the same lease name (${leaseId}), so the controller never makes two leases.`;
  let submitError: { title: string; message: string } | undefined;
  if (create.isError) {
    const d = describeError(create.error);
    submitError =
      errorKind(create.error) === "cancelled"
        ? { title: "Stopped trying: the lease may not have been made", message: `What you typed is still here. ${safeAgain}` }
        : // No answer (or none in time): the create may have landed.
          isNetworkFailure(create.error) || isUnavailable(create.error) || errorKind(create.error) === "timeout"
          ? { title: "The lease may not have been made", message: `${d.message} ${safeAgain}` }
          : { title: "The controller did not make the lease", message: d.message };
  }
  // No answer yet: within SLOW_ANSWER_MS say so, and that the portal keeps trying.
  let waiting: { title: string; message: string } | undefined;
  if (create.isPending) {
    const reason = create.failureReason === null ? undefined : describeError(create.failureReason).message;
    if (create.failureCount > 0) {
      waiting = {
        title: "The controller is not answering — retrying",
        message: `${reason ?? ""} The portal keeps trying by itself (attempt ${create.failureCount + 1}) with the same lease name, so the controller never makes two leases; what you typed stays here.`.trim(),
      };
    } else if (sentAt !== undefined && now - sentAt >= SLOW_ANSWER_MS) {
      waiting = {
        title: "No answer from the controller yet",
        message: "The request is on its way; the portal keeps waiting and tries again if it fails. What you typed stays here.",
      };
    }
  }

  const exportersProblem = exporters.data === undefined && exporters.isError ? describeError(exporters.error).message : undefined;
  return (
    <CreateLeaseForm
      lab={lab}
      values={values}
      onChange={change}
      onPickLabel={(key, value) => change({ selector: withRequirement(values.selector, key, value) })}
      errors={visible}
      catalog={catalog}
      count={count}
      matchingNames={matchingNames}
      exporters={exporterList}
      held={held}
      exportersProblem={exportersProblem}
      keepsTags={keepsTags}
      summary={summarise(values, built, now)}
      submitting={create.isPending}
      submitError={submitError}
      waiting={waiting}
      onStop={create.stop}
      onSubmit={submit}
      outlook={outlook}
      bookAnyway={bookAnyway}
      onBookAnyway={(confirmed) => setBookAnywayFor(confirmed ? clashKey : undefined)}
      bookAnywayError={bookAnywayAsked && clashKey !== undefined && !bookAnyway ? "That window clashes with another booking: tick “Book it anyway” to send it, or choose another time or board." : undefined}
    />
  );
}

export function CreateLeasePage() {
  useDocumentTitle("New lease");
  const [params] = useSearchParams();
  const search = params.toString();
  const prefill = useMemo(() => readCreatePrefill(new URLSearchParams(search)), [search]);
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">New lease</Title>
      </PageSection>
      <PageSection>
        {/* A new prefill (another "Lease this board") starts a new form, with a new lease_id. */}
        <NewLeaseForm key={search} prefill={prefill} />
      </PageSection>
    </>
  );
}
