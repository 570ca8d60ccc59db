// A wall runs for days; when a new portal version is deployed it reloads
// itself, so the lab does not need someone at every screen. Checked every few
// minutes; the wall and door pages hold no input, so a reload loses nothing.
import { useEffect } from "react";
import { entryScriptOf, isNewBuild } from "@/features/wall/deployed-build";

/** How often the wall asks which build is deployed: a deploy shows within this time. */
export const BUILD_CHECK_MS = 5 * 60_000;

function loadedEntryScript(): string | undefined {
  return document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.getAttribute("src") ?? undefined;
}

async function deployedEntryScript(): Promise<string | undefined> {
  const res = await fetch("/index.html", { cache: "no-store" });
  return res.ok ? entryScriptOf(await res.text()) : undefined;
}

/** The new build's entry can be fetched: not mid-deploy, and the server is up, so the reload lands on a working page. */
async function reachable(src: string): Promise<boolean> {
  const res = await fetch(src, { method: "HEAD", cache: "no-store" });
  return res.ok;
}

export function useReloadOnNewBuild(): void {
  useEffect(() => {
    const loaded = loadedEntryScript();
    let checking = false;
    const check = async (): Promise<void> => {
      if (checking) return;
      checking = true;
      try {
        const deployed = await deployedEntryScript();
        if (deployed !== undefined && isNewBuild(loaded, deployed) && (await reachable(deployed))) window.location.reload();
      } catch {
        // The server is away: the wall says its data is stale; the next check tries again.
      } finally {
        checking = false;
      }
    };
    const timer = setInterval(() => void check(), BUILD_CHECK_MS);
    return () => clearInterval(timer);
  }, []);
}
