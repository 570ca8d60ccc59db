// Light, dark, or follow the system. The boot script in index.html applies
// the stored choice before the first paint; main.tsx applies it again before
// the first render (where that script is not allowed to run) and keeps it in
// sync with the system setting while "system" is chosen.
import { useSyncExternalStore } from "react";
import { DARK_THEME_CLASS, THEME_STORAGE_KEY } from "@/lib/page-globals";

export type ThemePreference = "light" | "dark" | "system";
export type Theme = "light" | "dark";

export { DARK_THEME_CLASS, THEME_STORAGE_KEY } from "@/lib/page-globals";

export function isThemePreference(v: unknown): v is ThemePreference {
  return v === "light" || v === "dark" || v === "system";
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === "system") return systemPrefersDark ? "dark" : "light";
  return preference;
}

function darkQuery(): MediaQueryList {
  return window.matchMedia("(prefers-color-scheme: dark)");
}

export function loadThemePreference(): ThemePreference {
  try {
    const v = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isThemePreference(v) ? v : "system";
  } catch {
    return "system";
  }
}

let preference: ThemePreference = "system";
const listeners = new Set<() => void>();

function apply(): void {
  const theme = resolveTheme(preference, darkQuery().matches);
  const root = document.documentElement;
  root.classList.toggle(DARK_THEME_CLASS, theme === "dark");
  // Native controls (scrollbars, date pickers) follow too.
  root.style.colorScheme = theme;
}

/** Applies the stored preference and follows system changes. Call once, before rendering. */
export function initTheme(): void {
  preference = loadThemePreference();
  apply();
  darkQuery().addEventListener("change", () => {
    apply();
    for (const l of [...listeners]) l();
  });
}

export function setThemePreference(next: ThemePreference): void {
  preference = next;
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, next);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  apply();
  for (const l of [...listeners]) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The chosen preference and the theme in effect now. */
export function useTheme(): { preference: ThemePreference; theme: Theme; setPreference: (p: ThemePreference) => void } {
  const pref = useSyncExternalStore(subscribe, () => preference);
  const theme = useSyncExternalStore(subscribe, () => resolveTheme(preference, darkQuery().matches));
  return { preference: pref, theme, setPreference: setThemePreference };
}
