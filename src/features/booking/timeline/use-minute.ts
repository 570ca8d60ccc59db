// Now to the minute, re-rendering the caller once a minute (on the minute):
// the timeline's rows and free slots move with the minutes, and a page of a
// thousand rows should not redraw every second (the line for now has its own
// one-second clock).
import { useEffect, useState } from "react";

const MINUTE_MS = 60_000;
const floorMinute = (ms: number): number => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

export function useMinute(): number {
  const [minute, setMinute] = useState(() => floorMinute(Date.now()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = (): void => {
      timer = setTimeout(() => {
        setMinute(floorMinute(Date.now()));
        schedule();
      }, MINUTE_MS - (Date.now() % MINUTE_MS) + 5);
    };
    schedule();
    return () => clearTimeout(timer);
  }, []);
  return minute;
}
