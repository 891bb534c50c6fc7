import { sql } from "kysely";
import { z } from "zod";
import { getDb } from "@/db/client";
import { parseWith } from "@/lib/errors";
import { isFieldKey } from "./parse";
import { FIELD_KEYS } from "./rows-to-orders";

// parse.ts lists the fields the mapping dropdowns offer; rows-to-orders.ts also reads the item
// fields only our export writes. A saved mapping may hold either.
const MAPPABLE_FIELDS = new Set<string>(FIELD_KEYS);
const isMappableField = (value: string) => MAPPABLE_FIELDS.has(value) || isFieldKey(value);

/** Column index ("0", "1"… as JSON writes number keys) → the field it fills, or null for a column left out. */
export const columnMappingSchema = z
  .record(
    z.string().regex(/^(0|[1-9]\d{0,3})$/, "Columns are numbered from 0"),
    z.string().refine(isMappableField, "Not a field a column can be mapped to").nullable(),
  )
  .refine((mapping) => Object.keys(mapping).length <= 2000, "Too many columns");
export type ColumnMappingInput = z.infer<typeof columnMappingSchema>;

export const csvMappingInputSchema = z.object({
  name: z.string().trim().min(1, "Name the mapping.").max(100, "Use at most 100 characters."),
  /** `headersSignature(headers)` from lib/csv/suggest-mapping.ts. */
  headersSignature: z.string().trim().min(1, "The headers' signature is required.").max(200),
  mapping: columnMappingSchema,
});
export type CsvMappingInput = z.input<typeof csvMappingInputSchema>;

export interface CsvMappingSummary {
  id: number;
  name: string;
  headersSignature: string;
  mapping: ColumnMappingInput;
}

/** How many saved mappings a workspace is shown; more than a merchant could pick from. */
const LIST_LIMIT = 500;

/** The workspace's saved mappings: those saved for files with these headers first, then by name. */
export async function listCsvMappings(workspaceId: string, headersSignature?: string | null): Promise<CsvMappingSummary[]> {
  const rows = await getDb()
    .selectFrom("csv_mappings")
    .select(["id", "name", "headers_signature", "mapping"])
    .where("workspace_id", "=", workspaceId)
    .orderBy(sql`headers_signature = ${headersSignature ?? ""}`, "desc")
    .orderBy("name")
    .orderBy("id")
    .limit(LIST_LIMIT)
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, headersSignature: row.headers_signature, mapping: JSON.parse(row.mapping) as ColumnMappingInput }));
}

/** Saves a mapping under its name; a mapping already saved under that name is replaced (and keeps its id). */
export async function saveCsvMapping(workspaceId: string, input: CsvMappingInput, now = Date.now()): Promise<{ id: number }> {
  const { name, headersSignature, mapping } = parseWith(csvMappingInputSchema, input, "mapping");
  const saved = await getDb()
    .insertInto("csv_mappings")
    .values({ workspace_id: workspaceId, name, headers_signature: headersSignature, mapping: JSON.stringify(mapping), created_at: now })
    .onConflict((conflict) => conflict.columns(["workspace_id", "name"]).doUpdateSet({ headers_signature: headersSignature, mapping: JSON.stringify(mapping) }))
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: saved.id };
}
