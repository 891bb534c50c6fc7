import type { Client } from "@libsql/client";
import type { Strategy } from "./database";

/**
 * A libSQL server or Turso (`libsql:`, `https:`, `wss:`…): one client, no threads, nothing of the
 * file engine loaded (the HTTP and WebSocket clients are imported on their own, not through
 * @libsql/client's main entry, which loads the native engine). The server orders the writes of
 * every process. Reads run as read batches (BEGIN … READONLY), which Turso may serve from a replica.
 */
export async function openRemote(url: string, authToken: string | undefined): Promise<Strategy> {
  const overWebSocket = /^wss?:/i.test(url);
  const { createClient } = overWebSocket ? await import("@libsql/client/ws") : await import("@libsql/client/http");
  const client: Client = createClient({ url, authToken });
  return {
    read: async (stmt) => (await client.batch([stmt], "read"))[0],
    write: {
      execute: (stmt) => client.execute(stmt),
      batch: (stmts) => client.batch(stmts, "write"),
    },
    async transaction(fn) {
      const tx = await client.transaction("write");
      try {
        const result = await fn({ execute: (stmt) => tx.execute(stmt), batch: (stmts) => tx.batch(stmts) });
        await tx.commit();
        return result;
      } catch (error) {
        if (!tx.closed) await tx.rollback().catch(() => undefined);
        throw error;
      } finally {
        tx.close();
      }
    },
    close: () => client.close(),
  };
}
