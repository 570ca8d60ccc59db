// The one inline script of index.html, put there by the build
// (vite.config.ts) and allowed by its hash in the gateway's CSP
// (server/gateway/inline-scripts.ts). It runs before the first paint, while
// the app's code is still on its way, so that the boot frame (index.html) is
// drawn in the user's theme and in the layout of the page that will replace
// it: the wall's, the sign-in card, or the signed-in frame. Without it, a
// stored dark theme would flash light and a signed-out visitor would see the
// signed-in frame first. Plain ES5 and guarded: blocked storage, or a CSP
// without the hash, only lose the early theme; main.tsx applies it again.
import { BOOT_FRAME_ATTRIBUTE, DARK_THEME_CLASS, SESSION_STORAGE_KEY, THEME_STORAGE_KEY } from "../lib/page-globals.js";

/** Which boot frame a path gets: the wall, the sign-in card, or the signed-in frame. */
export type BootFrame = "wall" | "sign-in" | "shell";

/** The boot frame for a path and whether a session is stored (the same rule as the script's). */
export function bootFrameFor(pathname: string, hasSession: boolean): BootFrame {
  if (/^\/wall(\/|$)/.test(pathname)) return "wall";
  if (/^\/sign-in(\/|$)/.test(pathname) || !hasSession) return "sign-in";
  return "shell";
}

const q = JSON.stringify;

/** The script's source, exactly as it goes into index.html. */
export const BOOT_SCRIPT = [
  "(function(){",
  "var d=document.documentElement,p=location.pathname,s=false,t=null;",
  `try{s=sessionStorage.getItem(${q(SESSION_STORAGE_KEY)})!==null||localStorage.getItem(${q(SESSION_STORAGE_KEY)})!==null;t=localStorage.getItem(${q(THEME_STORAGE_KEY)})}catch(e){}`,
  `d.setAttribute(${q(BOOT_FRAME_ATTRIBUTE)},/^\\/wall(\\/|$)/.test(p)?"wall":/^\\/sign-in(\\/|$)/.test(p)||!s?"sign-in":"shell");`,
  `var k=t==="dark"||(t!=="light"&&!!window.matchMedia&&matchMedia("(prefers-color-scheme: dark)").matches);`,
  `if(k)d.className+=" "+${q(DARK_THEME_CLASS)};d.style.colorScheme=k?"dark":"light";`,
  "})();",
].join("");
