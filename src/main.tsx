import "@patternfly/react-core/dist/styles/base.css";
import "@/app/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "@/app/app";
import { applyPreloadedStyles } from "@/boot/apply-styles";
import { initTheme } from "@/lib/theme";

// Before the first render, so a dark-theme user never sees a light flash
// (again: the boot script did it for the boot frame, where it may run).
initTheme();

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");
// The boot frame stays until the styles are in: React then replaces it.
void applyPreloadedStyles().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
