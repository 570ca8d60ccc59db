import { buildIfStale } from "../scripts/build-if-stale.js";

// The browser tests run against the built SPA, exactly as `npm start` serves it.
export default function globalSetup(): void {
  buildIfStale();
}
