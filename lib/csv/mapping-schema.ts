import { z } from "zod";
import { isFieldKey } from "./fields";

/**
 * Column index ("0", "1"… as JSON writes number keys) → the field it fills, or null for a column
 * left out. Browser-safe, so the import page can check a mapping the way the server will.
 */
export const columnMappingSchema = z
  .record(
    z.string().regex(/^(0|[1-9]\d{0,3})$/, "Columns are numbered from 0"),
    z.string().refine(isFieldKey, "Not a field a column can be mapped to").nullable(),
  )
  .refine((mapping) => Object.keys(mapping).length <= 2000, "Too many columns");
export type ColumnMappingInput = z.infer<typeof columnMappingSchema>;
