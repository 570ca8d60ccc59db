// What a first page downloads before it can paint, read from Vite's build
// manifest (issue 13: initial JS per first page <= 170 KB gzip). A page's
// first load is the HTML's entry plus the modules its routes load lazily
// (react-router runs every matched route's `lazy` at once); each of those
// brings its static imports, transitively, and Vite preloads them all.
// Dynamic imports are left out: they load later, when used.
// Pure (no files read): bench/bundle.bench.ts does the reading.

/** One entry of `dist/.vite/manifest.json` (Vite's ManifestChunk, the fields used here). */
export interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly name?: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
  readonly assets?: readonly string[];
}

export type Manifest = Readonly<Record<string, ManifestChunk>>;

export interface InitialLoad {
  /** The JS files, in load order (each module before what it imports), no repeats. */
  readonly js: readonly string[];
  readonly css: readonly string[];
}

/**
 * The files that load with the given manifest keys ("index.html", or a source
 * path such as "src/features/auth/sign-in-page.tsx"): their chunks and every
 * chunk they import statically. Throws on a key the manifest does not have,
 * so a renamed page makes the benchmark fail rather than under-count.
 */
export function initialLoad(manifest: Manifest, keys: readonly string[]): InitialLoad {
  const seen = new Set<string>();
  const js: string[] = [];
  const css = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`the build manifest has no "${key}"`);
    if (chunk.file.endsWith(".js")) js.push(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return { js, css: [...css] };
}

/**
 * The manifest key of a source file, whatever directory the build ran from
 * (keys are relative to the project root; node_modules may be a link
 * elsewhere). A module that is imported both lazily and statically is built
 * into a shared chunk keyed "_<name>-<hash>.js", found by its name.
 */
export function manifestKey(manifest: Manifest, sourcePath: string): string {
  if (manifest[sourcePath] !== undefined) return sourcePath;
  const bySource = Object.keys(manifest).filter((k) => k.endsWith(`/${sourcePath}`));
  const name = (sourcePath.split("/").pop() ?? "").replace(/\.[jt]sx?$/, "");
  const found = bySource.length > 0 ? bySource : Object.keys(manifest).filter((k) => k.startsWith("_") && manifest[k]?.file.endsWith(".js") === true && manifest[k]?.name === name);
  if (found.length !== 1) throw new Error(`the build manifest has ${found.length === 0 ? "no" : "several"} "${sourcePath}"`);
  return found[0] as string;
}

/** The font files the HTML preloads (`<link rel="preload" as="font" href=...>`). */
export function preloadedFonts(html: string): string[] {
  const links = html.match(/<link\b[^>]*>/g) ?? [];
  return links
    .filter((l) => /\brel="preload"/.test(l) && /\bas="font"/.test(l))
    .map((l) => /\bhref="([^"]*)"/.exec(l)?.[1] ?? "")
    .filter((href) => href !== "");
}

export interface FontFace {
  readonly family: string;
  /** `font-display` as written; "auto" when the rule has none (the browser then blocks text for up to 3 s). */
  readonly display: string;
}

/** The @font-face rules of a stylesheet. */
export function fontFaces(css: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const match of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = match[1] ?? "";
    const family = /font-family\s*:\s*([^;]+)/.exec(body)?.[1]?.trim().replace(/^["']|["']$/g, "") ?? "";
    const display = /font-display\s*:\s*([^;\s]+)/.exec(body)?.[1] ?? "auto";
    faces.push({ family, display });
  }
  return faces;
}

/** Whether a face holds back the first paint of its text until the file arrives (anything but `swap` or `optional`). */
export function blocksFirstPaint(face: FontFace): boolean {
  return face.display !== "swap" && face.display !== "optional";
}
