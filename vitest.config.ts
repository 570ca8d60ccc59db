import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "server/**/*.test.ts", "deploy/**/*.test.ts", "proto/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
    // Integration tests start real servers; two cores, so keep it modest.
    maxWorkers: 2,
    // PatternFly's style modules import their CSS; processed by Vite (as empty CSS) rather than by Node.
    server: { deps: { inline: [/@patternfly\//] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
