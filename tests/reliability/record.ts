import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";

export const RESULTS_FILE = "tests/reliability/results.json";

/** Adds one surface's figures (what was tried, how it answered, what was lost) to the run's results, for RELIABILITY.md. */
export async function recordSurface(surface: string, figures: Record<string, unknown>): Promise<void> {
  mkdirSync("tests/reliability", { recursive: true });
  const results = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as Record<string, unknown>) : {};
  results[surface] = { ...figures, at: new Date().toISOString(), scale: Number(process.env.RELIABILITY_SCALE) || 1 };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}
