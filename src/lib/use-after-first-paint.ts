// For what need not be on the first frame (issue 13): the toast stack, the
// lease watcher. Their code then loads once the page is on screen instead of
// competing with the page's own code and data for the first paint.
import { useEffect, useState } from "react";
import { afterNextPaint } from "@/lib/after-next-paint";

/** False on the first render, true once the frame it produced has been painted. */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let live = true;
    void afterNextPaint().then(() => {
      if (live) setPainted(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return painted;
}
