import { z } from "zod";
import { en } from "@/lib/i18n/messages/en";
import { isFieldKey } from "./fields";

// Zod keeps a message as text: the English catalog's, which the import page reads back into its key (lib/i18n/message.ts).
const said = en.csvImportErrors;

/**
 * Column index ("0", "1"… as JSON writes number keys) → the field it fills, or null for a column
 * left out. Browser-safe, so the import page can check a mapping the way the server will.
 */
export const columnMappingSchema = z
  .record(
    z.string().regex(/^(0|[1-9]\d{0,3})$/, said.columnsFromZero),
    z.string().refine(isFieldKey, said.notAField).nullable(),
  )
  .refine((mapping) => Object.keys(mapping).length <= 2000, said.tooManyColumns);
export type ColumnMappingInput = z.infer<typeof columnMappingSchema>;
