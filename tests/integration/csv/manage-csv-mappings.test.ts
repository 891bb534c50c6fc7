import { describe, expect, it } from "vitest";
import { startCsvImport } from "@/lib/csv/csv-imports";
import { deleteCsvMapping, listCsvMappings, renameCsvMapping, saveCsvMapping } from "@/lib/csv/csv-mappings";
import { headersSignature } from "@/lib/csv/suggest-mapping";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

const HEADERS = ["Order #", "Date", "Recipient", "Country"];
const SIGNATURE = headersSignature(HEADERS);
const MAPPING = { 0: "orderNumber", 1: "orderDate", 2: "shipTo.name", 3: "shipTo.country" };

describe("managing saved CSV mappings in Settings", () => {
  it("keeps the header row a mapping was saved for, so each column can be named", async () => {
    const { workspaceId } = await createMerchant();
    await saveCsvMapping(workspaceId, { name: "Etsy", headersSignature: SIGNATURE, mapping: MAPPING, headers: HEADERS, options: { dateOrder: "DMY", weightUnit: "grams" } });

    const [saved] = await listCsvMappings(workspaceId);
    expect(saved).toMatchObject({ name: "Etsy", headers: HEADERS, mapping: MAPPING, options: { dateOrder: "DMY", weightUnit: "grams" } });
  });

  it("renames a mapping, refusing a name another of the workspace's mappings has", async () => {
    const { workspaceId } = await createMerchant();
    const { id } = await saveCsvMapping(workspaceId, { name: "Etsy", headersSignature: SIGNATURE, mapping: MAPPING });
    await saveCsvMapping(workspaceId, { name: "Shopify", headersSignature: "2-abc", mapping: { 0: "orderNumber" } });

    await renameCsvMapping(workspaceId, { mappingId: id, name: "  Etsy (EU) " });
    expect((await listCsvMappings(workspaceId)).map((mapping) => mapping.name)).toEqual(["Etsy (EU)", "Shopify"]);

    await expect(renameCsvMapping(workspaceId, { mappingId: id, name: "Shopify" })).rejects.toMatchObject({ code: "conflict", fieldErrors: { name: [expect.any(String)] } });
    await expect(renameCsvMapping(workspaceId, { mappingId: id, name: " " })).rejects.toMatchObject({ code: "invalid_input" });
    // Renaming to its own name is no conflict.
    await renameCsvMapping(workspaceId, { mappingId: id, name: "Etsy (EU)" });
    expect((await listCsvMappings(workspaceId)).map((mapping) => mapping.name)).toEqual(["Etsy (EU)", "Shopify"]);
  });

  it("renames and deletes only the workspace's own mappings: another's id is not found and stays as it was", async () => {
    const ada = await createMerchant();
    const bea = await createMerchant("Bea Merchant");
    const { id: beasId } = await saveCsvMapping(bea.workspaceId, { name: "Bea's", headersSignature: SIGNATURE, mapping: MAPPING });

    await expect(renameCsvMapping(ada.workspaceId, { mappingId: beasId, name: "Mine now" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteCsvMapping(ada.workspaceId, beasId)).rejects.toMatchObject({ code: "not_found" });
    expect((await listCsvMappings(bea.workspaceId)).map((mapping) => mapping.name)).toEqual(["Bea's"]);
  });

  it("deletes a mapping: the import page no longer offers it, and a file with its columns still imports", async () => {
    const { workspaceId, manualStoreId } = await createMerchant();
    const { id } = await saveCsvMapping(workspaceId, { name: "Etsy", headersSignature: SIGNATURE, mapping: MAPPING, headers: HEADERS });
    const options = { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep" } as const;
    const running = await startCsvImport(workspaceId, { storeId: manualStoreId, fileName: "before.csv", options, mapping: MAPPING, headers: HEADERS, totalChunks: 1, totalRows: 1 });

    await deleteCsvMapping(workspaceId, id);

    expect(await listCsvMappings(workspaceId, SIGNATURE)).toEqual([]);
    await expect(deleteCsvMapping(workspaceId, id)).rejects.toMatchObject({ code: "not_found" });
    const later = await startCsvImport(workspaceId, { storeId: manualStoreId, fileName: "after.csv", options, mapping: MAPPING, headers: HEADERS, totalChunks: 1, totalRows: 1 });
    expect(later.importId).not.toBe(running.importId);
  });
});
