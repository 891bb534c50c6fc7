"use client";

import type { FieldKey } from "@/lib/csv/fields";
import { missingRequiredFields } from "@/lib/csv/suggest-mapping";
import { fieldLabel } from "./field-options";
import { FileSummary } from "./file-summary";
import { MappingTable } from "./mapping-table";
import { OptionsForm, type DateOrderChoice, type NumberFormatChoice, type StoreChoice } from "./options-form";
import { SavedMappings } from "./saved-mappings";
import type { CsvT } from "./translator";
import type { ImportOptions, Mapping, ParsedFile } from "./worker-protocol";

/** Columns to fields, and how to read them; then Preview. */
export function MappingStep(props: {
  t: CsvT;
  file: ParsedFile;
  mapping: Mapping;
  onMapping: (mapping: Mapping) => void;
  stores: StoreChoice[];
  storeId: number;
  onStore: (storeId: number) => void;
  options: ImportOptions;
  dateChoice: DateOrderChoice;
  numberChoice: NumberFormatChoice;
  onOptions: (options: ImportOptions) => void;
  busy: string | null;
  error: string | null;
  onChooseAnother: () => void;
  onPreview: () => void;
}) {
  const { t, file, mapping, onMapping } = props;
  const missing = missingRequiredFields(mapping);
  const setColumn = (column: number, field: FieldKey | null) => onMapping({ ...mapping, [column]: field });

  return (
    <div className="space-y-4">
      <FileSummary t={t} file={file} onChooseAnother={props.onChooseAnother} />
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">{t("mapping.title")}</h2>
        <p className="text-sm text-slate-500">{t("mapping.intro")}</p>
        {file.suggestedFrom === "export" && <p className="text-sm text-slate-700">{t("mapping.exportApplied")}</p>}
        <SavedMappings
          t={t}
          signature={file.signature}
          headers={file.headers}
          mapping={mapping}
          options={{
            ...props.options,
            ...(props.dateChoice.dateOrder ? { dateOrder: props.dateChoice.dateOrder } : {}),
            ...(props.numberChoice.decimalComma !== undefined ? { decimalComma: props.numberChoice.decimalComma } : {}),
          }}
          onApply={(saved, options) => {
            onMapping(saved);
            if (options) props.onOptions({ ...props.options, ...options });
          }}
        />
        <MappingTable t={t} headers={file.headers} samples={file.samples} mapping={mapping} onChange={setColumn} />
        <p className={`text-sm ${missing.length ? "text-red-700" : "text-green-700"}`} data-testid="csv-missing-fields">
          {missing.length ? t("mapping.missing", { fields: missing.map((key) => fieldLabel(t, key)).join(", ") }) : t("mapping.allMatched")}
        </p>
      </section>
      <OptionsForm
        t={t}
        stores={props.stores}
        storeId={props.storeId}
        onStore={props.onStore}
        options={props.options}
        dateChoice={props.dateChoice}
        numberChoice={props.numberChoice}
        onChange={props.onOptions}
      />
      {props.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {props.error}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={props.onPreview}
          disabled={missing.length > 0 || Boolean(props.busy)}
          className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("preview")}
        </button>
        {props.busy && (
          <span className="text-sm text-slate-600" aria-live="polite">
            {props.busy}
          </span>
        )}
      </div>
    </div>
  );
}
