import { describe, expect, it } from "vitest";
import { statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { getDatabase, getDb } from "@/db/client";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

describe("the database handle", () => {
  it("writes through one connection in WAL mode with foreign keys enforced", async () => {
    const { rows } = await getDatabase().sql.execute("PRAGMA journal_mode");
    expect(Object.values(rows[0])[0]).toBe("wal");
    await expect(
      getDb().insertInto("memberships").values({ workspace_id: "no-such-workspace", user_id: "no-such-user", role: "owner", created_at: 0 }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it("runs overlapping write transactions one after the other instead of failing", async () => {
    const { workspaceId } = await createMerchant();
    const order: string[] = [];
    const slowRename = getDb().transaction().execute(async (trx) => {
      order.push("first started");
      await trx.updateTable("workspaces").set({ name: "First" }).where("id", "=", workspaceId).execute();
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push("first done");
    });
    const secondRename = getDb().transaction().execute(async (trx) => {
      order.push("second started");
      await trx.updateTable("workspaces").set({ name: "Second" }).where("id", "=", workspaceId).execute();
      order.push("second done");
    });
    await Promise.all([slowRename, secondRename]);
    expect(order).toEqual(["first started", "first done", "second started", "second done"]);
    const { name } = await getDb().selectFrom("workspaces").select("name").where("id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(name).toBe("Second");
  });

  it("lets reads run while a write transaction is open, and shows its writes only after commit", async () => {
    const { workspaceId } = await createMerchant();
    const tx = await getDatabase().sql.transaction("write");
    try {
      await tx.execute({ sql: "UPDATE workspaces SET name = ? WHERE id = ?", args: ["Renamed", workspaceId] });
      const during = await getDb().selectFrom("workspaces").select("name").where("id", "=", workspaceId).executeTakeFirstOrThrow();
      expect(during.name).not.toBe("Renamed");
      await tx.commit();
    } finally {
      tx.close();
    }
    const after = await getDb().selectFrom("workspaces").select("name").where("id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(after.name).toBe("Renamed");
  });

  it("rolls a failed batch back whole", async () => {
    const { workspaceId } = await createMerchant();
    await expect(
      getDatabase().sql.batch([
        { sql: "UPDATE workspaces SET name = ? WHERE id = ?", args: ["Half written", workspaceId] },
        { sql: "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)", args: [workspaceId, "nobody", "owner", 0] },
      ]),
    ).rejects.toThrow();
    const { name } = await getDb().selectFrom("workspaces").select("name").where("id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(name).not.toBe("Half written");
    // The queue is free again after the failure.
    await sql`UPDATE workspaces SET name = 'Fine' WHERE id = ${workspaceId}`.execute(getDb());
  });

  it("copies the WAL into the database file on its own thread once writes pause, not while they go on", async () => {
    const client = getDatabase().sql;
    const file = (await client.execute("PRAGMA database_list")).rows.find((row) => row.name === "main")!.file as string;
    await sleep(400); // earlier tests' writes checkpointed
    const before = statSync(file).size;
    await client.execute("CREATE TABLE checkpoint_probe (id INTEGER PRIMARY KEY, body TEXT)");
    const body = "x".repeat(4_000);
    // About 8 MiB of pages, written back to back: they only go to the WAL.
    for (let batch = 0; batch < 20; batch++) {
      await client.batch(Array.from({ length: 100 }, (_, i) => ({ sql: "INSERT INTO checkpoint_probe (id, body) VALUES (?, ?)", args: [batch * 100 + i, body] })));
    }
    expect(statSync(file).size).toBeLessThan(before + 1_000_000);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(8_000_000);

    // A pause in writes: the checkpoint thread copies them into the database file.
    await expect.poll(() => statSync(file).size, { timeout: 5_000, interval: 100 }).toBeGreaterThan(before + 8_000_000);
    const { rows } = await client.execute("SELECT COUNT(*) AS n FROM checkpoint_probe");
    expect(Number(rows[0].n)).toBe(2_000);
  });
});
