// What a first visit to a route downloads before its page can show, read from
// Vite's build manifest (dist/.vite/manifest.json): the entry chunk, the
// modules the router loads for that route (its page, and the shell for a
// signed-in page), and every chunk those import statically. Dynamic imports
// (the next pages, dialogs, the YAML parser) are left out: they load later.
// Pure, so the walk is tested on a made-up manifest (bundle-graph.test.ts).

/** One manifest entry, as Vite writes it (only the fields read here). */
export interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}

export type Manifest = Readonly<Record<string, ManifestChunk>>;

export interface RouteFiles {
  readonly js: readonly string[];
  readonly css: readonly string[];
}

/** The files a first visit loads: the entry and `modules` (manifest keys), with their static imports. */
export function routeFiles(manifest: Manifest, modules: readonly string[]): RouteFiles {
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry === true);
  if (entries.length !== 1) throw new Error(`expected one entry in the manifest, found ${entries.length}`);
  const seen = new Set<string>();
  const js: string[] = [];
  const css: string[] = [];
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`${key} is not in the build manifest (renamed or moved?)`);
    seen.add(key);
    js.push(chunk.file);
    for (const c of chunk.css ?? []) if (!css.includes(c)) css.push(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  for (const key of [...entries, ...modules]) visit(key);
  return { js, css };
}
