/**
 * One server process for restart.test.ts, run as its own OS process so the test can SIGKILL it
 * mid-write (`tsx --conditions=react-server tests/reliability/restart-child.ts <work> <spec-json>`):
 * opens DATABASE_URL as the app does and does one piece of work through the server's own entry
 * points, printing a JSON line at each step the caller would see answered.
 *
 * - `csv`: what the import routes do for the page: start the import (unless the page already has
 *   one), start its chunk thread, apply the chunks the page has no answer for, 3 in flight as the
 *   page sends them, on that thread, then finish it.
 * - `store`: the Import button's `importStore`.
 * - `tick`: the cron route's handler, called with the CRON_SECRET bearer.
 *
 * RESTART_CLOCK_OFFSET_MS moves this process's clock forward: a restart that comes that much later.
 */
import { readFileSync } from "node:fs";

const offset = Number(process.env.RESTART_CLOCK_OFFSET_MS) || 0;
if (offset) {
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + offset;
}

const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const [work, specJson] = process.argv.slice(2);
const spec = JSON.parse(specJson) as { workspaceId: string; storeId: number; chunksFile?: string; importId?: string; done?: number[] };

if (work === "csv") {
  const { startCsvImport, finishCsvImport } = await import("@/lib/csv/csv-imports");
  const { applyCsvChunkFromBody, startImportThreads } = await import("@/lib/csv/chunk-worker");
  const { CHUNKS_IN_FLIGHT } = await import("@/lib/csv/plan-chunks");
  const file = JSON.parse(readFileSync(spec.chunksFile!, "utf8")) as { start: Parameters<typeof startCsvImport>[1]; chunks: unknown[][] };
  const importId = spec.importId ?? (await startCsvImport(spec.workspaceId, file.start)).importId;
  await startImportThreads();
  say({ event: "started", importId });
  const pending = file.chunks.map((_, index) => index).filter((index) => !spec.done?.includes(index));
  const lane = async () => {
    for (let index = pending.shift(); index !== undefined; index = pending.shift()) {
      await applyCsvChunkFromBody(spec.workspaceId, importId, index, JSON.stringify({ orders: file.chunks[index] }), { actor: "restart-user" });
      say({ event: "chunk", index });
    }
  };
  await Promise.all(Array.from({ length: CHUNKS_IN_FLIGHT }, lane));
  const finished = await finishCsvImport(spec.workspaceId, importId);
  say({ event: "finished", status: finished.status });
} else if (work === "store") {
  const { importStore } = await import("@/lib/imports/import-store");
  const { connectorFor } = await import("@/lib/connectors/registry");
  const summary = await importStore(spec.workspaceId, spec.storeId, { trigger: "manual", connector: connectorFor("shopify") });
  say({ event: "finished", status: summary.status, error: summary.error });
} else if (work === "tick") {
  const { NextRequest } = await import("next/server");
  const { GET } = await import("@/app/api/cron/import/route");
  const answer = await GET(new NextRequest("http://localhost/api/cron/import", { headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } }));
  say({ event: "finished", status: answer.status, ...(await answer.json()) });
} else {
  throw new Error(`Unknown work: ${work}`);
}
// The chunk thread and the checkpoint thread are unref'd; the database closes with the process.
process.exit(0);
