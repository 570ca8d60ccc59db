// The modules each first page loads lazily, beside the HTML's entry: the
// `lazy` of every route src/app/router.tsx matches for the path (parents
// included). The exporters route's loader imports prefetch-exporters, which
// the page imports too, so it is counted with the page. Kept beside the
// router by hand; a module the build no longer has makes the bench fail.
export interface FirstPage {
  readonly path: string;
  readonly modules: readonly string[];
}

const SHELL = "src/app/app-shell.tsx";

export const FIRST_PAGES: readonly FirstPage[] = [
  { path: "/sign-in", modules: ["src/features/auth/sign-in-page.tsx"] },
  { path: "/sign-in/oidc", modules: ["src/features/auth/oidc/oidc-callback-page.tsx"] },
  { path: "/exporters", modules: [SHELL, "src/features/exporters/exporters-page.tsx"] },
  { path: "/exporters/:name", modules: [SHELL, "src/features/exporters/exporter-detail-page.tsx"] },
  { path: "/leases", modules: [SHELL, "src/features/leases/leases-page.tsx"] },
  { path: "/leases/:name", modules: [SHELL, "src/features/leases/lease-detail-page.tsx"] },
  { path: "/leases/new", modules: [SHELL, "src/features/booking/create-lease-page.tsx"] },
  { path: "/timeline", modules: [SHELL, "src/features/booking/timeline/timeline-page.tsx"] },
  { path: "/wall", modules: ["src/features/wall/wall-source.tsx", "src/features/wall/wall-page.tsx"] },
  { path: "/wall/:board", modules: ["src/features/wall/wall-source.tsx", "src/features/wall/door-page.tsx"] },
];
