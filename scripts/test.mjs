// `npm test`: every check in order, stopping at the first failure, then one
// closing line with the counts of every test that ran.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const reports = { unit: ".test-report-unit.json", e2e: ".test-report-e2e.json" };
for (const file of Object.values(reports)) rmSync(file, { force: true });

const steps = [
  ["generated code", "node", ["scripts/check-generated.mjs"]],
  ["type check", "npm", ["run", "--silent", "typecheck"]],
  ["lint", "npm", ["run", "--silent", "lint"]],
  ["unit and integration tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${reports.unit}`]],
];
if (existsSync("playwright.config.ts")) {
  steps.push(["browser tests", "npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: reports.e2e }]);
}

function counts() {
  let passed = 0;
  let failed = 0;
  if (existsSync(reports.unit)) {
    const r = JSON.parse(readFileSync(reports.unit, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  }
  if (existsSync(reports.e2e)) {
    const r = JSON.parse(readFileSync(reports.e2e, "utf8"));
    passed += r.stats.expected + r.stats.flaky;
    failed += r.stats.unexpected;
  }
  return { passed, failed };
}

let ok = true;
for (const [title, cmd, args, env] of steps) {
  console.log(`\n=== ${title}`);
  const run = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (run.status !== 0) {
    console.error(`\n${title} failed (exit ${run.status ?? run.signal})`);
    ok = false;
    break;
  }
}
const { passed, failed } = counts();
for (const file of Object.values(reports)) rmSync(file, { force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
