import "@patternfly/react-core/dist/styles/base.css";
import "@/app/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "@/app/app";
import { initTheme } from "@/lib/theme";

// Before the first render, so a dark-theme user never sees a light flash
// (the gateway's CSP forbids the usual inline script in index.html).
initTheme();

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
