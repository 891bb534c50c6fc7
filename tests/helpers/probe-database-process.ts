/**
 * Run as its own process (`npx tsx tests/helpers/probe-database-process.ts <url> [token]`): opens
 * the database the way the app does, migrates it, writes and reads through the seam, waits past
 * the file strategy's checkpoint pause, then prints what the process loaded and started, as JSON.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { openDatabase, useDatabase } from "@/db/database";
import { migrateToLatest } from "@/db/migrate-to-latest";
import { signUpUser } from "@/lib/auth/sign-up";
import { importOrders } from "@/lib/orders/import-orders";
import { buildOrder } from "./orders";

type Report = { workers: unknown[]; sharedObjects: string[] };
const report = () => process.report.getReport() as unknown as Report;
// Threads the process had before (tsx's loader runs on one): only those the database starts count.
const threadsBefore = report().workers.length;

const [url, authToken] = process.argv.slice(2);
const handle = openDatabase(url, authToken);
useDatabase(handle);
await migrateToLatest(handle.write);
const merchant = await signUpUser({ name: "Probe", email: `probe-${Date.now()}@example.test`, password: "probe-password" });
const [result] = await importOrders(merchant.workspaceId, merchant.manualStoreId, [buildOrder({ orderKey: "P-1", orderNumber: "P-1" })], { source: "api" });
await sleep(600);

const after = report();
console.log(
  JSON.stringify({
    outcome: result.outcome,
    workerThreads: after.workers.length - threadsBefore,
    nativeEngineLoaded: after.sharedObjects.some((path) => /libsql.*\.node$/.test(path)),
  }),
);
await handle.close();
