// PatternFly's icons without their second drawing. Over 200 of PatternFly's
// icons carry two SVG paths, the default one and a Red Hat UI one, and draw
// both (two nested <svg>s) for CSS to hide the Red Hat UI one unless
// `.pf-v6-icon-set-rh-ui` is set, which the portal never does. Dropping the
// second path (rhUiIcon: null, as PatternFly's own icons without one have)
// draws the same icon as one <svg>, and every page that shows icons is
// lighter (issue 13: initial JS per first page). The rh-ui-* icons the portal
// imports by name keep their only drawing, which is their `icon`.
import type { Plugin } from "vite";

const ICON_MODULE = /[\\/]@patternfly[\\/]react-icons[\\/]dist[\\/]esm[\\/]icons[\\/][^\\/]+\.js$/;
/** The config's line for the second drawing: one JSON object on one line, as PatternFly generates it. */
const RH_UI_DRAWING = /^(\s*rhUiIcon:\s*)\{.*\}(,?)$/m;

/** An icon module's code with its Red Hat UI drawing dropped, or null when it has none (or is not an icon module). */
export function withoutRhUiDrawing(code: string, id: string): string | null {
  if (!ICON_MODULE.test(id)) return null;
  const out = code.replace(RH_UI_DRAWING, "$1null$2");
  return out === code ? null : out;
}

/** A Vite plugin that ships only the default drawing of each PatternFly icon. */
export function patternflyIconsDefaultOnly(): Plugin {
  return {
    name: "portal:patternfly-icons-default-only",
    enforce: "pre",
    transform(code, id) {
      const out = withoutRhUiDrawing(code, id);
      return out === null ? null : { code: out, map: null };
    },
  };
}
