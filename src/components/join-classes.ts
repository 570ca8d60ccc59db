// The class attribute of a thin PatternFly copy: the truthy parts joined with
// spaces, as PatternFly's css() joins them (issue 13).

export type ClassPart = string | false | undefined;

export function joinClasses(...parts: readonly ClassPart[]): string {
  return parts.filter((p): p is string => p !== undefined && p !== false && p !== "").join(" ");
}
