import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { db } from "@/db/database";
import { importOrders } from "@/lib/orders/import-orders";
import { EVENT_COLUMNS, ITEM_COLUMNS, ORDER_COLUMNS, ORDER_COLUMNS_SET_LATER } from "@/lib/orders/order-columns";
import { useTestDatabase } from "../../helpers/database";
import { buildOrder } from "../../helpers/orders";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

async function columnsOf(table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db.read);
  return rows.map((row) => row.name).sort();
}

describe("the write path's column lists", () => {
  // db/schema.ts is checked against the lists when the code compiles; this checks the migrated tables too.
  it("name every column of the migrated tables: each is written on create or set by a later action", async () => {
    expect(await columnsOf("orders")).toEqual([...ORDER_COLUMNS, ...ORDER_COLUMNS_SET_LATER].sort());
    expect(await columnsOf("order_items")).toEqual(["id", ...ITEM_COLUMNS].sort());
    expect(await columnsOf("order_events")).toEqual(["id", ...EVENT_COLUMNS].sort());
  });

  it("write a column a source sets when the order is created, not only when it is updated", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const [created] = await importOrders(workspaceId, manualStoreId, [buildOrder({ orderKey: "T-1", status: "shipped", trackingNumber: "1Z999" })], { source: "api" });
    const stored = await db.read.selectFrom("orders").select(["tracking_number", "api_digest", "order_digest"]).where("id", "=", created.orderId!).executeTakeFirstOrThrow();
    expect(stored).toEqual({ tracking_number: "1Z999", api_digest: null, order_digest: expect.any(String) });
  });
});
