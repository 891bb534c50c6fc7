import type { Migration } from "kysely";
import * as initial from "./2026-11-26T00-initial";
import * as orderDeletionAndTracking from "./2026-11-26T01-order-deletion-and-tracking";
import * as orderImportHash from "./2026-11-26T03-order-import-hash";
import * as webhookDeliveries from "./2026-11-26T04-webhook-deliveries";
import * as apiKeysAndRateLimits from "./2026-11-26T02-api-keys-and-rate-limits";
import * as csvImports from "./2026-11-26T05-csv-imports";
import * as csvRowsLeftOut from "./2026-11-26T06-csv-rows-left-out";
import * as digestColumnsAndChunkRecords from "./2026-12-05T00-digest-columns-and-chunk-records";
import * as autoImport from "./2026-12-06T00-auto-import";
import * as sweeps from "./2026-12-06T01-sweeps";
import * as importRunsByTrigger from "./2026-12-06T02-import-runs-by-trigger";
import * as shipFromAndZoneCharts from "./2026-12-07T00-ship-from-and-zone-charts";
import * as rateCards from "./2026-12-07T01-rate-cards";
import * as csvMappingOptionsAndAutoRows from "./2026-12-07T02-csv-mapping-options-and-auto-rows";
import * as schedulerHeartbeat from "./2026-12-07T03-scheduler-heartbeat";
import * as orderTotalComputed from "./2026-12-08T03-order-total-computed";
import * as storeDeletionAndConnectionTests from "./2026-12-08T06-store-deletion-and-connection-tests";
import * as invitationsAndMappingHeaders from "./2026-12-09T05-invitations-and-mapping-headers";
import * as ordersByImportRun from "./2026-12-09T10-orders-by-import-run";

/** Every migration, by date-stamped name. A static map so bundlers and tsx see them all. */
export const migrations: Record<string, Migration> = {
  "2026-11-26T00-initial": initial,
  "2026-11-26T01-order-deletion-and-tracking": orderDeletionAndTracking,
  "2026-11-26T02-api-keys-and-rate-limits": apiKeysAndRateLimits,
  "2026-11-26T03-order-import-hash": orderImportHash,
  "2026-11-26T04-webhook-deliveries": webhookDeliveries,
  "2026-11-26T05-csv-imports": csvImports,
  "2026-11-26T06-csv-rows-left-out": csvRowsLeftOut,
  "2026-12-05T00-digest-columns-and-chunk-records": digestColumnsAndChunkRecords,
  "2026-12-06T00-auto-import": autoImport,
  "2026-12-06T01-sweeps": sweeps,
  "2026-12-06T02-import-runs-by-trigger": importRunsByTrigger,
  "2026-12-07T00-ship-from-and-zone-charts": shipFromAndZoneCharts,
  "2026-12-07T01-rate-cards": rateCards,
  "2026-12-07T02-csv-mapping-options-and-auto-rows": csvMappingOptionsAndAutoRows,
  "2026-12-07T03-scheduler-heartbeat": schedulerHeartbeat,
  "2026-12-08T03-order-total-computed": orderTotalComputed,
  "2026-12-08T06-store-deletion-and-connection-tests": storeDeletionAndConnectionTests,
  "2026-12-09T05-invitations-and-mapping-headers": invitationsAndMappingHeaders,
  "2026-12-09T10-orders-by-import-run": ordersByImportRun,
};
