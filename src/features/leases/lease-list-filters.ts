// The lease list's filters, kept in the URL so a view can be shared:
// ?scope=all (everyone's; mine by default), ?ended=1 (ended ones too),
// ?tags=<label selector over the tags, sent as tag_filter>.

export type LeaseScope = "mine" | "all";

export interface LeaseListFilters {
  readonly scope: LeaseScope;
  /** Ended leases too (only_active=false). */
  readonly ended: boolean;
  /** Label selector over tags, as typed (only valid ones are written). */
  readonly tags: string;
}

export function readLeaseFilters(params: URLSearchParams): LeaseListFilters {
  const ended = params.get("ended");
  return {
    scope: params.get("scope") === "all" ? "all" : "mine",
    ended: ended === "1" || ended === "true",
    tags: params.get("tags") ?? "",
  };
}

/** New params with `patch` applied; defaults are left out so URLs stay short. */
export function writeLeaseFilters(params: URLSearchParams, patch: Partial<LeaseListFilters>): URLSearchParams {
  const next = new URLSearchParams(params);
  if (patch.scope !== undefined) {
    if (patch.scope === "all") next.set("scope", "all");
    else next.delete("scope");
  }
  if (patch.ended !== undefined) {
    if (patch.ended) next.set("ended", "1");
    else next.delete("ended");
  }
  if (patch.tags !== undefined) {
    if (patch.tags.trim() === "") next.delete("tags");
    else next.set("tags", patch.tags);
  }
  return next;
}
