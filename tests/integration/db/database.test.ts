import { describe, expect, it } from "vitest";
import { statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { db, NestedWriteError } from "@/db/database";
import { nextOrderNumber } from "@/lib/workspaces/next-order-number";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

/** Rejects if `promise` has not settled within `ms`: a write that waits on itself never would. */
function within<T>(promise: Promise<T>, ms = 1_000): Promise<T> {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`still waiting after ${ms} ms`)))]);
}

async function nameOf(workspaceId: string) {
  return (await db.read.selectFrom("workspaces").select("name").where("id", "=", workspaceId).executeTakeFirstOrThrow()).name;
}

describe("the database seam on a file", () => {
  it("writes in WAL mode with foreign keys enforced", async () => {
    const { rows } = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db.write);
    expect(rows[0].journal_mode).toBe("wal");
    await expect(
      db.write.insertInto("memberships").values({ workspace_id: "no-such-workspace", user_id: "no-such-user", role: "owner", created_at: 0 }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it("refuses a write sent as a read, at once: built as a write, or raw SQL on the query-only read connection", async () => {
    const { workspaceId } = await createMerchant();
    await expect(within(db.read.updateTable("workspaces").set({ name: "Sneaky" }).where("id", "=", workspaceId).execute())).rejects.toThrow(/sent through `read`/);
    await expect(within(sql`UPDATE workspaces SET name = 'Sneaky' WHERE id = ${workspaceId}`.execute(db.read))).rejects.toThrow(/readonly|read-only/i);
    expect(await nameOf(workspaceId)).not.toBe("Sneaky");
  });

  it("runs overlapping write transactions one after the other instead of failing", async () => {
    const { workspaceId } = await createMerchant();
    const order: string[] = [];
    const slowRename = db.transaction(async (tx) => {
      order.push("first started");
      await tx.db.updateTable("workspaces").set({ name: "First" }).where("id", "=", workspaceId).execute();
      await sleep(50);
      order.push("first done");
    });
    const secondRename = db.transaction(async (tx) => {
      order.push("second started");
      await tx.db.updateTable("workspaces").set({ name: "Second" }).where("id", "=", workspaceId).execute();
      order.push("second done");
    });
    await Promise.all([slowRename, secondRename]);
    expect(order).toEqual(["first started", "first done", "second started", "second done"]);
    expect(await nameOf(workspaceId)).toBe("Second");
  });

  it("lets reads run while a write transaction is open, and shows its writes only after commit", async () => {
    const { workspaceId } = await createMerchant();
    await db.transaction(async (tx) => {
      await tx.execute({ sql: "UPDATE workspaces SET name = ? WHERE id = ?", args: ["Renamed", workspaceId] });
      expect(await nameOf(workspaceId)).not.toBe("Renamed");
    });
    expect(await nameOf(workspaceId)).toBe("Renamed");
  });

  it("rolls a transaction back when its function throws, and a dry run always", async () => {
    const { workspaceId } = await createMerchant();
    await expect(
      db.transaction(async (tx) => {
        await tx.db.updateTable("workspaces").set({ name: "Half written" }).where("id", "=", workspaceId).execute();
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const answer = await db.transaction(
      async (tx) => {
        await tx.db.updateTable("workspaces").set({ name: "Dry run" }).where("id", "=", workspaceId).execute();
        return (await tx.db.selectFrom("workspaces").select("name").where("id", "=", workspaceId).executeTakeFirstOrThrow()).name;
      },
      { rollback: true },
    );
    expect(answer).toBe("Dry run");
    expect(await nameOf(workspaceId)).not.toMatch(/Half written|Dry run/);
  });

  it("rolls a failed batch back whole, and the writer is free again after", async () => {
    const { workspaceId } = await createMerchant();
    await expect(
      db.batch([
        { sql: "UPDATE workspaces SET name = ? WHERE id = ?", args: ["Half written", workspaceId] },
        { sql: "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)", args: [workspaceId, "nobody", "owner", 0] },
      ]),
    ).rejects.toThrow();
    expect(await nameOf(workspaceId)).not.toBe("Half written");
    await sql`UPDATE workspaces SET name = 'Fine' WHERE id = ${workspaceId}`.execute(db.write);
    expect(await nameOf(workspaceId)).toBe("Fine");
  });

  it("copies the WAL into the database file on its own thread once writes pause, not while they go on", async () => {
    const { rows: files } = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(db.read);
    const file = files.find((row) => row.name === "main")!.file;
    // Earlier tests' writes checkpointed: the file stops growing (a sign-up writes the sample rate cards too).
    let before = statSync(file).size;
    for (let settled = 0; settled < 2; ) {
      await sleep(300);
      const size = statSync(file).size;
      settled = size === before ? settled + 1 : 0;
      before = size;
    }
    await db.batch([{ sql: "CREATE TABLE checkpoint_probe (id INTEGER PRIMARY KEY, body TEXT)" }]);
    const body = "x".repeat(4_000);
    // About 8 MiB of pages, written back to back: they only go to the WAL.
    for (let batch = 0; batch < 20; batch++) {
      await db.batch(Array.from({ length: 100 }, (_, i) => ({ sql: "INSERT INTO checkpoint_probe (id, body) VALUES (?, ?)", args: [batch * 100 + i, body] })));
    }
    expect(statSync(file).size).toBeLessThan(before + 1_000_000);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(8_000_000);

    // A pause in writes: the checkpoint thread copies them into the database file.
    await expect.poll(() => statSync(file).size, { timeout: 5_000, interval: 100 }).toBeGreaterThan(before + 8_000_000);
    const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM checkpoint_probe`.execute(db.read);
    expect(Number(rows[0].n)).toBe(2_000);
  });
});

describe("a write through the top-level handle inside a transaction", () => {
  it("fails at once with an error that says to use the transaction's handle, and the transaction still commits", async () => {
    const { workspaceId } = await createMerchant();
    await db.transaction(async (tx) => {
      await tx.db.updateTable("workspaces").set({ name: "Inside" }).where("id", "=", workspaceId).execute();
      const nested = db.write.updateTable("workspaces").set({ name: "Nested" }).where("id", "=", workspaceId).execute();
      await expect(within(nested)).rejects.toBeInstanceOf(NestedWriteError);
      await expect(nested).rejects.toThrow(/Pass the transaction's handle/);
    });
    expect(await nameOf(workspaceId)).toBe("Inside");
  });

  it("fails at once from a helper deep in the call, as nextOrderNumber used to wait forever", async () => {
    const { workspaceId } = await createMerchant();
    await db.transaction(async () => {
      await expect(within(nextOrderNumber(workspaceId))).rejects.toBeInstanceOf(NestedWriteError);
      await expect(within(db.batch([{ sql: "SELECT 1" }]))).rejects.toBeInstanceOf(NestedWriteError);
      await expect(within(db.transaction(async () => undefined))).rejects.toBeInstanceOf(NestedWriteError);
    });
  });

  it("still lets writes from elsewhere wait their turn, and Kysely's own transactions are refused", async () => {
    const { workspaceId } = await createMerchant();
    let outsideDone = false;
    let startOutside!: () => void;
    // Registered out here, so it runs as another request would: outside the transaction.
    const outside = new Promise<void>((resolve) => (startOutside = resolve)).then(() =>
      db.write.updateTable("workspaces").set({ name: "Second" }).where("id", "=", workspaceId).execute().then(() => (outsideDone = true)),
    );
    await db.transaction(async (tx) => {
      await tx.db.updateTable("workspaces").set({ name: "First" }).where("id", "=", workspaceId).execute();
      startOutside();
      await sleep(50);
      expect(outsideDone).toBe(false);
    });
    await outside;
    expect(await nameOf(workspaceId)).toBe("Second");
    await expect(db.write.transaction().execute(async () => undefined)).rejects.toThrow(/transaction\(fn\)/);
  });
});
