import type { CsvLabelKey, CsvT } from "./translator";
import type { CsvImportCounts } from "@/lib/csv/import-protocol";

const OUTCOMES = ["created", "updated", "unchanged", "skipped", "failed"] as const;

/** What an import did (or, in the preview, would do), outcome by outcome; plus the rows left out before sending. */
export function CountsList({ t, counts, rowErrors, labels = "counts" }: { t: CsvT; counts: CsvImportCounts; rowErrors?: number; labels?: "counts" | "resultCounts" }) {
  const items: [string, string, number][] = OUTCOMES.map((outcome) => [outcome, t(`${labels}.${outcome}` as CsvLabelKey), counts[outcome]]);
  if (rowErrors !== undefined) items.push(["rowErrors", t("counts.rowErrors"), rowErrors]);
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {items.map(([key, label, value]) => (
        <div key={key} className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`csv-count-${key}`}>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{t.number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
