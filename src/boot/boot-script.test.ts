// The boot script runs before the app (issue 13: first paint from the HTML).
// It is run here in a small fake page, and its frame rule is checked against
// bootFrameFor, so the two cannot drift apart.
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { BOOT_SCRIPT, bootFrameFor, type BootFrame } from "@/boot/boot-script";
import { DARK_THEME_CLASS, SESSION_STORAGE_KEY, THEME_STORAGE_KEY } from "@/lib/page-globals";

interface Outcome {
  readonly frame: string | undefined;
  readonly dark: boolean;
  readonly colorScheme: string;
}

function storage(entries: Record<string, string>, blocked = false) {
  return {
    getItem(key: string): string | null {
      if (blocked) throw new Error("SecurityError: storage is blocked");
      return entries[key] ?? null;
    },
  };
}

function run(options: { path: string; local?: Record<string, string>; tab?: Record<string, string>; systemDark?: boolean; blocked?: boolean }): Outcome {
  const attributes = new Map<string, string>();
  const html = { className: "", style: { colorScheme: "" }, setAttribute: (k: string, v: string) => attributes.set(k, v) };
  runInNewContext(BOOT_SCRIPT, {
    document: { documentElement: html },
    location: { pathname: options.path },
    localStorage: storage(options.local ?? {}, options.blocked),
    sessionStorage: storage(options.tab ?? {}, options.blocked),
    window: { matchMedia: true },
    matchMedia: (query: string) => ({ matches: query === "(prefers-color-scheme: dark)" && options.systemDark === true }),
  });
  return { frame: attributes.get("data-boot"), dark: html.className.split(" ").includes(DARK_THEME_CLASS), colorScheme: html.style.colorScheme };
}

const signedIn = { [SESSION_STORAGE_KEY]: "{}" };

describe("boot script", () => {
  it.each<[string, boolean, BootFrame]>([
    ["/exporters", true, "shell"],
    ["/leases/new", true, "shell"],
    ["/exporters", false, "sign-in"],
    ["/sign-in", true, "sign-in"],
    ["/sign-in/oidc", false, "sign-in"],
    ["/wall", false, "wall"],
    ["/wall/rcar-s4-01", true, "wall"],
    ["/wallpaper", true, "shell"],
    ["/sign-inx", true, "shell"],
  ])("draws %s (session stored: %s) in the %s frame, as bootFrameFor says", (path, hasSession, frame) => {
    expect(bootFrameFor(path, hasSession)).toBe(frame);
    expect(run({ path, tab: hasSession ? signedIn : {} }).frame).toBe(frame);
  });

  it("finds a session remembered on this device as well as one for the tab", () => {
    expect(run({ path: "/exporters", local: signedIn }).frame).toBe("shell");
  });

  it("applies a stored dark or light choice over the system's", () => {
    expect(run({ path: "/exporters", local: { [THEME_STORAGE_KEY]: "dark" } })).toMatchObject({ dark: true, colorScheme: "dark" });
    expect(run({ path: "/exporters", local: { [THEME_STORAGE_KEY]: "light" }, systemDark: true })).toMatchObject({ dark: false, colorScheme: "light" });
  });

  it("follows the system when the choice is 'system' or not stored", () => {
    expect(run({ path: "/exporters", local: { [THEME_STORAGE_KEY]: "system" }, systemDark: true }).dark).toBe(true);
    expect(run({ path: "/exporters", systemDark: false }).dark).toBe(false);
  });

  it("still draws a frame where storage is blocked", () => {
    expect(run({ path: "/exporters", blocked: true, systemDark: true })).toMatchObject({ frame: "sign-in", dark: true });
  });
});
