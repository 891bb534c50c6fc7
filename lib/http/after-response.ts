import { after } from "next/server";

/**
 * Work that continues after the response (`after()` on `next start` and on Vercel). Outside a
 * request (a route handler called from a test) it simply runs in the background.
 */
export function afterResponse(task: () => Promise<unknown>) {
  try {
    after(task);
  } catch {
    void task().catch((error) => console.error(error));
  }
}
