import "server-only";
import { sql } from "kysely";
import { z } from "zod";
import { db } from "@/db/database";
import { parseWith } from "@/lib/errors";
import { savedCsvOptionsSchema, type SavedCsvOptions } from "./import-protocol";
import { columnMappingSchema, type ColumnMappingInput } from "./mapping-schema";

const csvMappingInputSchema = z.object({
  name: z.string().trim().min(1, "Name the mapping.").max(100, "Use at most 100 characters."),
  /** `headersSignature(headers)` from lib/csv/suggest-mapping.ts. */
  headersSignature: z.string().trim().min(1, "The headers' signature is required.").max(200),
  mapping: columnMappingSchema,
  options: savedCsvOptionsSchema.nullish(),
});
export type CsvMappingInput = z.input<typeof csvMappingInputSchema>;

export interface CsvMappingSummary {
  id: number;
  name: string;
  headersSignature: string;
  mapping: ColumnMappingInput;
  /** How the file was read when the mapping was saved; null when it was saved without them. */
  options: SavedCsvOptions | null;
}

/** How many saved mappings a workspace is shown; more than a merchant could pick from. */
const LIST_LIMIT = 500;

/** The workspace's saved mappings: those saved for files with these headers first, then by name. */
export async function listCsvMappings(workspaceId: string, headersSignature?: string | null): Promise<CsvMappingSummary[]> {
  const rows = await db.read
    .selectFrom("csv_mappings")
    .select(["id", "name", "headers_signature", "mapping", "options"])
    .where("workspace_id", "=", workspaceId)
    .orderBy(sql`headers_signature = ${headersSignature ?? ""}`, "desc")
    .orderBy("name")
    .orderBy("id")
    .limit(LIST_LIMIT)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    headersSignature: row.headers_signature,
    mapping: JSON.parse(row.mapping) as ColumnMappingInput,
    options: readSavedOptions(row.options),
  }));
}

/** Saved options as they were checked on save; anything unreadable is as if none were saved. */
function readSavedOptions(text: string | null): SavedCsvOptions | null {
  if (!text) return null;
  try {
    const parsed = savedCsvOptionsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Saves a mapping under its name; a mapping already saved under that name is replaced (and keeps its id). */
export async function saveCsvMapping(workspaceId: string, input: CsvMappingInput, now = Date.now()): Promise<{ id: number }> {
  const { name, headersSignature, mapping, options } = parseWith(csvMappingInputSchema, input, "mapping");
  const columns = { headers_signature: headersSignature, mapping: JSON.stringify(mapping), options: options ? JSON.stringify(options) : null };
  const saved = await db.write
    .insertInto("csv_mappings")
    .values({ workspace_id: workspaceId, name, ...columns, created_at: now })
    .onConflict((conflict) => conflict.columns(["workspace_id", "name"]).doUpdateSet(columns))
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: saved.id };
}
