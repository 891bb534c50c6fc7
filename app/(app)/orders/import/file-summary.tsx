import { describe, type CsvT } from "./translator";
import type { ParsedFile } from "./worker-protocol";

const MAX_ISSUES_SHOWN = 20;

/** Which file, how big, how it was decoded and what was odd in it. */
export function FileSummary({ t, file, onChooseAnother }: { t: CsvT; file: ParsedFile; onChooseAnother: () => void }) {
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium" data-testid="csv-file-summary">
          {t("fileSummary", { name: file.fileName, rows: file.rowCount, columns: file.headers.length })}
        </p>
        <button type="button" onClick={onChooseAnother} className="text-sm font-medium text-brand-700 hover:underline">
          {t("chooseAnother")}
        </button>
      </div>
      {file.encoding === "windows-1252" && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="csv-encoding-notice">
          {t("decodedAs1252")}
        </p>
      )}
      {file.issues.length > 0 && (
        <details className="text-sm text-slate-600">
          <summary className="cursor-pointer">{t("fileIssues")} ({file.issues.length})</summary>
          <ul className="mt-1 list-disc pl-5">
            {file.issues.slice(0, MAX_ISSUES_SHOWN).map((issue, index) => (
              <li key={index}>{describe(t, issue)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
