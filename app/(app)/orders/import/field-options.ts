import { ORDER_FIELDS } from "@/lib/csv/parse";
import { FIELD_KEYS, type FieldKey } from "@/lib/csv/rows-to-orders";
import type { CsvLabelKey, CsvT } from "./translator";

export interface FieldOption {
  key: FieldKey;
  level: "order" | "item";
  required: boolean;
}

const LISTED = new Set<string>(ORDER_FIELDS.map((field) => field.key));

/**
 * The dropdowns' choices: the mapping fields, then the item fields only the API and our own export
 * carry (an export's "Item - UPC" column must show what it is mapped to).
 */
export const FIELD_OPTIONS: readonly FieldOption[] = [
  ...ORDER_FIELDS.map((field) => ({ key: field.key as FieldKey, level: field.level, required: field.required })),
  ...FIELD_KEYS.filter((key) => !LISTED.has(key)).map((key) => ({ key, level: "item" as const, required: false })),
];

export const isMappableField = (value: unknown): value is FieldKey => typeof value === "string" && (FIELD_KEYS as readonly string[]).includes(value);

export const fieldLabel = (t: CsvT, key: FieldKey) => t(`fields.${key}` as CsvLabelKey);
