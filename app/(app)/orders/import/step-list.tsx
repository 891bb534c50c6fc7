import type { CsvT } from "./translator";

export type StepName = "file" | "mapping" | "preview" | "result";
const STEPS: readonly StepName[] = ["file", "mapping", "preview", "result"];

/** Where the merchant is in the import. */
export function StepList({ t, current }: { t: CsvT; current: StepName }) {
  const at = STEPS.indexOf(current);
  return (
    <ol className="flex flex-wrap gap-2 text-sm" aria-label={t("title")}>
      {STEPS.map((step, index) => (
        <li
          key={step}
          aria-current={index === at ? "step" : undefined}
          className={`rounded-full px-3 py-1 ${index === at ? "bg-brand-600 font-semibold text-white" : index < at ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-500"}`}
        >
          {index + 1}. {t(`steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}
