// The data folder holds every client's token, the token-signing key, the
// page-token secret and the CA's key: only its owner may read it. Folders are
// 0700 and files 0600, whatever the umask, and a folder written before (or
// loosened by hand) is tightened at every start. Only what the lab itself
// keeps there is touched: a folder given as --data may hold other things.
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, type Stats } from "node:fs";
import { join } from "node:path";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** The database and what SQLite keeps beside it (WAL mode, or a rollback journal after a crash). */
export const DATABASE_FILES = ["lab.db", "lab.db-wal", "lab.db-shm", "lab.db-journal"] as const;
/** Subfolders that are the lab's alone. */
export const LAB_FOLDERS = ["tls", "clients"] as const;

function statOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** Makes `dir` (and its parents, if missing) exist as a private folder. */
export function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // mkdir leaves an existing folder as it was, and a new one is subject to the umask.
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates `file` empty and private when missing, so whatever writes it later (SQLite) starts from 0600. */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, "a", PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Folders 0700 and files 0600 under `dir`; symbolic links are left alone (chmod would follow them). */
function tightenTree(dir: string): void {
  chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) tightenTree(path);
    else if (entry.isFile()) chmodSync(path, PRIVATE_FILE_MODE);
  }
}

/** The data folder, private: made if missing, and what the lab keeps in it tightened. */
export function ensurePrivateDataFolder(dataDir: string): void {
  ensurePrivateFolder(dataDir);
  for (const name of DATABASE_FILES) {
    const path = join(dataDir, name);
    if (statOrUndefined(path)?.isFile() === true) chmodSync(path, PRIVATE_FILE_MODE);
  }
  for (const name of LAB_FOLDERS) {
    const path = join(dataDir, name);
    if (statOrUndefined(path)?.isDirectory() === true) tightenTree(path);
  }
}
