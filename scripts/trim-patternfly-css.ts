// PatternFly's CSS, trimmed at build time to what the portal uses (issue 13:
// CSS only for what the page uses). PatternFly ships three theme variants the
// portal never turns on (felt, high contrast, glass: about half of base.css)
// and the pficon icon font (the portal draws its icons as SVG). Its fonts
// wait for the download before showing text (`font-display: fallback`);
// `swap` paints the first text at once in the fallback font.
// A small rule-level pass, enough for PatternFly's plain CSS: comments,
// rules, and rule blocks nested in at-rules such as @media.

/** Theme classes whose rules are dropped: nothing in the portal sets them. */
export const UNUSED_THEME_CLASSES = ["pf-v6-theme-felt", "pf-v6-theme-high-contrast", "pf-v6-theme-glass"];

const NESTING_AT_RULES = /^@(media|supports|layer|container)\b/;

function isUnusedSelector(selector: string): boolean {
  return selector.includes("pf-v6-pficon") || UNUSED_THEME_CLASSES.some((c) => selector.includes(c));
}

/** Splits a selector list at its top-level commas (not those inside :where(...) or :is(...)). */
export function splitSelectorList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i += 1) {
    const ch = list[i];
    if (ch === "(" || ch === "[") depth += 1;
    else if (ch === ")" || ch === "]") depth -= 1;
    else if (ch === "," && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts.filter((p) => p !== "");
}

/** The index of the `}` that closes the block opened at `open`. */
function closingBrace(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i += 1) {
    if (css[i] === "{") depth += 1;
    else if (css[i] === "}") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new Error("unbalanced braces in PatternFly CSS");
}

function trimRules(css: string): string {
  let out = "";
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf("{", i);
    const semicolon = css.indexOf(";", i);
    if (open < 0) return out + css.slice(i);
    // A statement at-rule (@import ...;) before the next block: kept as it is.
    if (semicolon >= 0 && semicolon < open && css.slice(i, semicolon).trim().startsWith("@")) {
      out += css.slice(i, semicolon + 1);
      i = semicolon + 1;
      continue;
    }
    const close = closingBrace(css, open);
    const prelude = css.slice(i, open).trim();
    const body = css.slice(open + 1, close);
    i = close + 1;
    if (NESTING_AT_RULES.test(prelude)) {
      const inner = trimRules(body);
      if (inner.trim() !== "") out += `${prelude} {\n${inner}}\n`;
    } else if (prelude === "@font-face") {
      if (!body.includes("pf-v6-pficon")) out += `${prelude} {${body.replace(/font-display:\s*fallback/g, "font-display: swap")}}\n`;
    } else if (prelude.startsWith("@")) {
      out += `${prelude} {${body}}\n`;
    } else {
      const kept = splitSelectorList(prelude).filter((s) => !isUnusedSelector(s));
      if (kept.length > 0) out += `${kept.join(",\n")} {${body}}\n`;
    }
  }
  return out;
}

export function trimPatternflyCss(css: string): string {
  return trimRules(css.replace(/\/\*[\s\S]*?\*\//g, ""));
}
