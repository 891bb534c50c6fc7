import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { listCsvMappings, type CsvMappingSummary } from "@/lib/csv/csv-mappings";
import { getI18n } from "@/lib/i18n/server";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { SettingsNav } from "../settings-nav";
import { CsvMappingActions } from "./csv-mapping-actions";

export const metadata: Metadata = { title: "CSV mappings" };

export default async function CsvMappingsPage() {
  const [session, { t, format }] = await Promise.all([requireWorkspaceSession(), getI18n()]);
  const mappings = await listCsvMappings(session.workspaceId);
  return (
    <div className="max-w-5xl space-y-6">
      <SettingsNav current="csv-mappings" />
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">{t("csvMappings.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("csvMappings.intro")}</p>
      </div>
      {mappings.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-500">{t("csvMappings.empty")}</p>
      ) : (
        <ul className="space-y-4">
          {mappings.map((mapping) => (
            <li key={mapping.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="csv-mapping" data-name={mapping.name}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold break-words">{mapping.name}</h2>
                <p className="text-xs text-slate-500">
                  {t("csvMappings.savedOn", { date: format.dateTime(mapping.createdAt) })} · {t("csvMappings.columns", { count: columnsOf(mapping).length })}
                </p>
              </div>
              <MappingOptions mapping={mapping} t={t} />
              <details>
                <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("csvMappings.showColumns")}</summary>
                <div className="mt-2 overflow-x-auto">
                  <table className="min-w-full text-sm" data-testid="csv-mapping-columns">
                    <thead className="text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
                      <tr>
                        <th className="py-1 pr-4">{t("csvMappings.column")}</th>
                        <th className="py-1">{t("csvMappings.field")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {columnsOf(mapping).map(({ column, header, field }) => (
                        <tr key={column} className="border-t border-slate-100">
                          <td className="py-1 pr-4 break-words">{header ?? t("csvMappings.columnNumber", { number: column + 1 })}</td>
                          <td className={`py-1 ${field ? "" : "text-slate-400"}`}>{field ? t(`csv.fields.${field}` as MessageKey) : t("csvMappings.notImported")}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
              <CsvMappingActions
                mappingId={mapping.id}
                name={mapping.name}
                labels={{
                  name: t("csvMappings.name"),
                  rename: t("csvMappings.rename"),
                  renameLabel: t("csvMappings.renameLabel", { name: mapping.name }),
                  renamed: t("csvMappings.renamed"),
                  delete: t("csvMappings.delete"),
                  deleteLabel: t("csvMappings.deleteLabel", { name: mapping.name }),
                  confirmDelete: t("csvMappings.confirmDelete", { name: mapping.name }),
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Each column of the file the mapping was saved for, named by its header when the mapping kept them. */
function columnsOf(mapping: CsvMappingSummary): { column: number; header: string | null; field: string | null }[] {
  const count = mapping.headers?.length ?? Math.max(-1, ...Object.keys(mapping.mapping).map(Number)) + 1;
  return Array.from({ length: count }, (_, column) => ({ column, header: mapping.headers?.[column] ?? null, field: mapping.mapping[String(column)] ?? null }));
}

function MappingOptions({ mapping, t }: { mapping: CsvMappingSummary; t: Translate }) {
  const options = mapping.options;
  if (!options) return <p className="text-sm text-slate-500">{t("csvMappings.noOptions")}</p>;
  const rows: [string, string][] = [];
  if (options.dateOrder) rows.push([t("csvMappings.dateOrder"), t(options.dateOrder === "DMY" ? "csv.options.dmy" : "csv.options.mdy")]);
  if (options.weightUnit) rows.push([t("csvMappings.weightUnit"), t(`csv.options.units.${options.weightUnit}`)]);
  if (options.decimalComma !== undefined) rows.push([t("csvMappings.numberFormat"), t(options.decimalComma ? "csv.options.decimalComma" : "csv.options.decimalPoint")]);
  if (options.blankCells) rows.push([t("csvMappings.blankCells"), t(options.blankCells === "clear" ? "csv.options.blankClear" : "csv.options.blankKeep")]);
  if (options.timeZone) rows.push([t("csvMappings.timeZone"), options.timeZone]);
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" aria-label={t("csvMappings.options")} data-testid="csv-mapping-options">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="mb-1 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
