/** Next.js runs this once as the server starts: on the Node.js runtime it starts the auto-import ticker. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startImportTicker } = await import("./lib/imports/import-ticker");
  startImportTicker();
}
