import type { FieldKey } from "@/lib/csv/fields";
import type { CsvLabelKey, CsvT } from "./translator";

export const fieldLabel = (t: CsvT, key: FieldKey) => t(`fields.${key}` as CsvLabelKey);
