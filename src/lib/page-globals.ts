// Names the page shares with its boot script (src/boot/boot-script.ts), which
// runs before the app's code has loaded: kept here, free of imports, so the
// build and the app read the same ones.

/** The key of the theme preference in localStorage. */
export const THEME_STORAGE_KEY = "jumpstarter-portal.theme";
/** PatternFly 6's dark theme switch, a class on <html>. */
export const DARK_THEME_CLASS = "pf-v6-theme-dark";
/** The key under which a session is stored in sessionStorage or localStorage. */
export const SESSION_STORAGE_KEY = "jumpstarter-portal.session";
/** The attribute on <html> that names the boot frame to draw (see BootFrame). */
export const BOOT_FRAME_ATTRIBUTE = "data-boot";
/** Marks a stylesheet the HTML preloads for the app to apply before its first render. */
export const APP_STYLE_ATTRIBUTE = "data-app-style";
