"use client";

import { CSV_FIELDS, isFieldKey, type FieldKey } from "@/lib/csv/fields";
import { fieldLabel } from "./field-options";
import type { CsvT } from "./translator";
import type { Mapping } from "./worker-protocol";

const select = "w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/** One row per column of the file: its header, an example value and the field it fills. */
export function MappingTable({ t, headers, samples, mapping, onChange }: {
  t: CsvT;
  headers: string[];
  samples: string[];
  mapping: Mapping;
  onChange: (column: number, field: FieldKey | null) => void;
}) {
  const uses = new Map<FieldKey, number>();
  for (const field of Object.values(mapping)) if (field) uses.set(field, (uses.get(field) ?? 0) + 1);
  const optionsOf = (level: "order" | "item") =>
    CSV_FIELDS.filter((option) => option.level === level).map((option) => (
      <option key={option.key} value={option.key}>
        {fieldLabel(t, option.key)}
        {option.required ? ` (${t("mapping.required")})` : ""}
      </option>
    ));

  return (
    <div className="overflow-x-auto">
    <table className="w-full text-left text-sm" data-testid="csv-mapping">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-2 pr-3">{t("mapping.column")}</th>
          <th className="py-2 pr-3">{t("mapping.sample")}</th>
          <th className="w-80 py-2">{t("mapping.field")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {headers.map((header, column) => {
          const field = mapping[column] ?? null;
          return (
            <tr key={column} data-testid="csv-mapping-row">
              <td className="py-1.5 pr-3 font-medium">{header}</td>
              <td className="max-w-64 truncate py-1.5 pr-3 text-slate-500" title={samples[column]}>
                {samples[column]}
              </td>
              <td className="py-1.5">
                <select
                  aria-label={header}
                  value={field ?? ""}
                  onChange={(event) => onChange(column, isFieldKey(event.target.value) ? event.target.value : null)}
                  className={select}
                >
                  <option value="">{t("mapping.ignore")}</option>
                  <optgroup label={t("mapping.groupOrder")}>{optionsOf("order")}</optgroup>
                  <optgroup label={t("mapping.groupItem")}>{optionsOf("item")}</optgroup>
                </select>
                {field && (uses.get(field) ?? 0) > 1 && <p className="mt-0.5 text-xs text-amber-700">{t("mapping.usedTwice")}</p>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}
