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
  { path: "/exporters", modules: [SHELL, "src/features/exporters/index.ts"] },
  { path: "/exporters/:name", modules: [SHELL, "src/features/exporters/index.ts"] },
  { path: "/leases", modules: [SHELL, "src/features/leases/index.ts"] },
  { path: "/leases/:name", modules: [SHELL, "src/features/leases/index.ts"] },
  { path: "/leases/new", modules: [SHELL, "src/features/booking/index.ts"] },
  { path: "/timeline", modules: [SHELL, "src/features/booking/index.ts"] },
  { path: "/wall", modules: ["src/features/wall/index.ts"] },
  { path: "/wall/:board", modules: ["src/features/wall/index.ts"] },
];
