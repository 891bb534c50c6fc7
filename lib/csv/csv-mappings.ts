import "server-only";
import { sql } from "kysely";
import { z } from "zod";
import { db } from "@/db/database";
import { AppError, notFound, parseWith } from "@/lib/errors";
import { message } from "@/lib/i18n/message";
import { en } from "@/lib/i18n/messages/en";
import { savedCsvOptionsSchema, type SavedCsvOptions } from "./import-protocol";
import { columnMappingSchema, type ColumnMappingInput } from "./mapping-schema";

const mappingNameSchema = z.string().trim().min(1, en.csvMappings.errors.name).max(100, en.csvMappings.errors.name);

const csvMappingInputSchema = z.object({
  name: mappingNameSchema,
  /** `headersSignature(headers)` from lib/csv/suggest-mapping.ts. */
  headersSignature: z.string().trim().min(1, en.csvMappings.errors.signature).max(200),
  mapping: columnMappingSchema,
  options: savedCsvOptionsSchema.nullish(),
  /** The file's header row, so Settings can name each column; optional for clients that don't send it. */
  headers: z.array(z.string().max(1000)).max(2000).nullish(),
});
export type CsvMappingInput = z.input<typeof csvMappingInputSchema>;

export interface CsvMappingSummary {
  id: number;
  name: string;
  headersSignature: string;
  mapping: ColumnMappingInput;
  /** How the file was read when the mapping was saved; null when it was saved without them. */
  options: SavedCsvOptions | null;
  /** The header row the mapping was saved for; null when it was saved before headers were kept. */
  headers: string[] | null;
  createdAt: number;
}

/** Settings' rename form: the mapping's id, as posted, and its new name. */
export const renameCsvMappingSchema = z.object({ mappingId: z.coerce.number().int().positive(), name: mappingNameSchema });
export type RenameCsvMappingInput = z.input<typeof renameCsvMappingSchema>;

/** Settings' delete button: the mapping's id, as posted. */
export const deleteCsvMappingSchema = z.object({ mappingId: z.coerce.number().int().positive() });

/** How many saved mappings a workspace is shown; more than a merchant could pick from. */
const LIST_LIMIT = 500;

/** The workspace's saved mappings: those saved for files with these headers first, then by name. */
export async function listCsvMappings(workspaceId: string, headersSignature?: string | null): Promise<CsvMappingSummary[]> {
  const rows = await db.read
    .selectFrom("csv_mappings")
    .select(["id", "name", "headers_signature", "mapping", "options", "headers", "created_at"])
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
    headers: readHeaders(row.headers),
    createdAt: row.created_at,
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

function readHeaders(text: string | null): string[] | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((header) => typeof header === "string") ? parsed : null;
  } catch {
    return null;
  }
}

/** Saves a mapping under its name; a mapping already saved under that name is replaced (and keeps its id). */
export async function saveCsvMapping(workspaceId: string, input: CsvMappingInput, now = Date.now()): Promise<{ id: number }> {
  const { name, headersSignature, mapping, options, headers } = parseWith(csvMappingInputSchema, input, "mapping");
  const columns = {
    headers_signature: headersSignature,
    mapping: JSON.stringify(mapping),
    options: options ? JSON.stringify(options) : null,
    headers: headers ? JSON.stringify(headers) : null,
  };
  const saved = await db.write
    .insertInto("csv_mappings")
    .values({ workspace_id: workspaceId, name, ...columns, created_at: now })
    .onConflict((conflict) => conflict.columns(["workspace_id", "name"]).doUpdateSet(columns))
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: saved.id };
}

/** Renames a saved mapping; a name another of the workspace's mappings has is a conflict, another workspace's mapping not found. */
export async function renameCsvMapping(workspaceId: string, input: RenameCsvMappingInput): Promise<void> {
  const { mappingId, name } = parseWith(renameCsvMappingSchema, input, "mapping");
  const taken = await db.read
    .selectFrom("csv_mappings")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("name", "=", name)
    .where("id", "!=", mappingId)
    .executeTakeFirst();
  if (taken) throw new AppError("conflict", message("csvMappings.errors.nameTaken"), { name: [en.csvMappings.errors.nameTaken] });
  const renamed = await db.write
    .updateTable("csv_mappings")
    .set({ name })
    .where("id", "=", mappingId)
    .where("workspace_id", "=", workspaceId)
    .returning("id")
    .executeTakeFirst()
    .catch((error: unknown) => {
      // The same name saved between the check and the update.
      if (String(error).includes("UNIQUE")) throw new AppError("conflict", message("csvMappings.errors.nameTaken"), { name: [en.csvMappings.errors.nameTaken] });
      throw error;
    });
  if (!renamed) throw notFound(message("csvMappings.errors.notFound"));
}

/**
 * Deletes a saved mapping. Imports copy the mapping they run with (csv_imports.mapping), so a
 * running or later import is not affected: the import page just no longer offers it.
 */
export async function deleteCsvMapping(workspaceId: string, mappingId: number): Promise<void> {
  const deleted = await db.write.deleteFrom("csv_mappings").where("id", "=", mappingId).where("workspace_id", "=", workspaceId).returning("id").executeTakeFirst();
  if (!deleted) throw notFound(message("csvMappings.errors.notFound"));
}
