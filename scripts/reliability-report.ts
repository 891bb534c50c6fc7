/**
 * Writes the figures of the last `npm run test:reliability` (tests/reliability/results.json) into
 * RELIABILITY.md, between its markers: what was tried, how many times, how it answered, what was lost.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const RESULTS = "tests/reliability/results.json";
const DOC = "RELIABILITY.md";
const START = "<!-- figures:start -->";
const END = "<!-- figures:end -->";

const results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")) as Record<string, Record<string, unknown>>) : {};
const cell = (value: unknown) => (value === undefined ? "—" : typeof value === "object" ? Object.entries(value as object).map(([key, count]) => `${key}: ${count}`).join(", ") : String(value));
const lost = (figures: Record<string, unknown>) =>
  [
    "server_errors", "half_written", "unreadable_after", "crashes", "thrown", "errors_without_row", "refusals_unnamed",
    "lost", "duplicated", "stale", "cursor_skipped", "orphans", "differences", "integrity_failures",
  ].reduce((sum, key) => sum + (Number(figures[key]) || 0), 0);

const rows = Object.entries(results).map(([surface, figures]) => {
  const { tried, at, scale, ...rest } = figures;
  return `| ${surface} | ${tried ?? "—"} | ${Object.entries(rest).map(([key, value]) => `${key.replaceAll("_", " ")}: ${cell(value)}`).join("; ")} | **${lost(figures)}** | ${String(at).slice(0, 16).replace("T", " ")} (×${scale}) |`;
});
const table = [START, "", "| surface | tried | what happened | lost or broken | run (UTC, scale) |", "|---|---:|---|---:|---|", ...rows, "", END].join("\n");
const doc = existsSync(DOC) ? readFileSync(DOC, "utf8") : `# Reliability\n\n${START}\n${END}\n`;
writeFileSync(DOC, doc.includes(START) ? doc.replace(new RegExp(`${START}[\\s\\S]*${END}`), table) : `${doc}\n${table}\n`);
console.log(`RELIABILITY.md: ${rows.length} surfaces, ${Object.values(results).reduce((sum, figures) => sum + lost(figures), 0)} lost or broken`);
