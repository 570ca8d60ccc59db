// Keeps the screen on where the browser allows (Screen Wake Lock API); the
// browser drops the lock when the page is hidden, so it is asked again on return.
import { useEffect } from "react";

interface WakeLockLike {
  request(type: "screen"): Promise<{ release(): Promise<void> }>;
}

export function useWakeLock(): void {
  useEffect(() => {
    const wakeLock = (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;
    if (wakeLock === undefined) return;
    let lock: { release(): Promise<void> } | undefined;
    let gone = false;
    const take = (): void => {
      if (document.visibilityState !== "visible") return;
      wakeLock.request("screen").then(
        (l) => {
          if (gone) void l.release();
          else lock = l;
        },
        // Refused (no user gesture, battery saver): the wall still works, the screen may sleep.
        () => undefined,
      );
    };
    take();
    document.addEventListener("visibilitychange", take);
    return () => {
      gone = true;
      document.removeEventListener("visibilitychange", take);
      void lock?.release();
    };
  }, []);
}
