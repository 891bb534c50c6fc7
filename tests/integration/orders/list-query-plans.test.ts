import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { db } from "@/db/database";
import { generateOrders } from "@/lib/demo/generate-orders";
import { importOrders } from "@/lib/orders/import-orders";
import { buildOrderListQuery } from "@/lib/orders/list-orders";
import { orderListQuerySchema } from "@/lib/orders/list-query";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

/** A full scan of the orders table (not of an index, nor of the full-text table). */
const FULL_SCAN = /SCAN orders(?!_)(?! USING)/;
let workspaceId: string;
let storeId: number;

async function planOf(overrides: Record<string, unknown>, options: { searchFirst?: boolean } = {}): Promise<string> {
  const compiled = buildOrderListQuery(workspaceId, orderListQuerySchema.parse(overrides), "UTC", options).compile();
  const result = await db.read.executeQuery({ ...compiled, sql: `EXPLAIN QUERY PLAN ${compiled.sql}` } as typeof compiled);
  return (result.rows as unknown as { detail: string }[]).map((row) => row.detail).join("\n");
}

const VIEWS: [string, Record<string, unknown>, RegExp][] = [
  ["default tab", {}, /USING (COVERING )?INDEX orders_status_order_date/],
  ["each status tab", { status: "shipped" }, /USING (COVERING )?INDEX orders_status_order_date/],
  ["All tab", { status: "all" }, /USING (COVERING )?INDEX orders_order_date/],
  ["store + status", { status: "shipped", store: 2 }, /USING (COVERING )?INDEX orders_(store_)?status_order_date/],
  ["store + All", { status: "all", store: 2 }, /USING (COVERING )?INDEX orders_(store_)?order_date/],
  ["sorted by modified date", { sort: "modified_at" }, /USING (COVERING )?INDEX orders_status_modified/],
  ["sorted by created date, ascending", { status: "all", sort: "created_at", dir: "asc" }, /USING (COVERING )?INDEX orders_created/],
  ["date range", { from: "2026-01-01", to: "2026-02-01" }, /USING (COVERING )?INDEX orders_status_order_date \(workspace_id=\? AND status=\? AND order_date>\? AND order_date<\?\)/],
  ["deep page", { after: "1767225600000.12345" }, /USING (COVERING )?INDEX orders_status_order_date/],
];

describe("the orders list's query plans", () => {
  beforeAll(async () => {
    const merchant = await createMerchant();
    workspaceId = merchant.workspaceId;
    storeId = merchant.manualStoreId;
    await importOrders(workspaceId, storeId, [...generateOrders(2000, { seed: 3 })], { source: "test" });
  });

  for (const analyzed of [false, true]) {
    describe(analyzed ? "with statistics (after ANALYZE)" : "without statistics", () => {
      beforeAll(async () => {
        if (analyzed) await sql`ANALYZE`.execute(db.write);
      });

      for (const [name, overrides, index] of VIEWS) {
        it(`${name}: reads an index in sort order, never scanning the table or sorting it`, async () => {
          const plan = await planOf({ ...overrides, store: overrides.store ? storeId : undefined });
          expect(plan).toMatch(index);
          expect(plan).not.toMatch(FULL_SCAN);
          expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
        });
      }

      it("a selective search starts from its matches: order-number index and full-text index, then rows by id", async () => {
        const plan = await planOf({ status: "shipped", q: "smith" }, { searchFirst: true });
        expect(plan).toMatch(/COVERING INDEX orders_number/);
        expect(plan).toMatch(/SCAN orders_search VIRTUAL TABLE INDEX/);
        expect(plan).toMatch(/SEARCH orders USING INTEGER PRIMARY KEY \(rowid=\?\)/);
        expect(plan).not.toMatch(FULL_SCAN);
      });

      it("a broad search walks the sort index and checks each order against its matches", async () => {
        const plan = await planOf({ status: "shipped", q: "example" });
        expect(plan).toMatch(/USING (COVERING )?INDEX orders_status_order_date/);
        expect(plan).toMatch(/LIST SUBQUERY/);
        expect(plan).not.toMatch(FULL_SCAN);
        expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      });
    });
  }
});
