// The wall key a lab may require (gateway --wall-key-file): given once in
// the URL (/wall?key=...), then kept in this browser and taken out of the
// address bar, so it is neither on screen nor in a photo of the wall.
const STORAGE_KEY = "portal.wallKey";

/** Moves ?key= into storage (removing it from the URL) and returns the stored key. */
export function takeWallKey(storage: Storage, location: Location, history: History): string | undefined {
  const url = new URL(location.href);
  const given = url.searchParams.get("key");
  if (given !== null) {
    if (given.trim() !== "") storage.setItem(STORAGE_KEY, given.trim());
    url.searchParams.delete("key");
    history.replaceState(history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }
  return storage.getItem(STORAGE_KEY) ?? undefined;
}
