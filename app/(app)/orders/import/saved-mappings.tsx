"use client";

import { useEffect, useState } from "react";
import { isFieldKey } from "@/lib/csv/fields";
import { ApiError, listMappings, saveMapping } from "./import-api";
import type { CsvMappingSummary } from "@/lib/csv/csv-mappings";
import { describeAnswer, type CsvT } from "./translator";
import type { ImportOptions, Mapping } from "./worker-protocol";

const control = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";
const button = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-50 disabled:opacity-60";

/** A saved mapping, read back for a file with `columns` columns: unknown fields and extra columns dropped. */
function mappingOf(saved: CsvMappingSummary, columns: number): Mapping {
  const mapping: Mapping = {};
  for (let column = 0; column < columns; column++) {
    const field = saved.mapping[String(column)];
    mapping[column] = isFieldKey(field) ? field : null;
  }
  return mapping;
}

/**
 * Mappings saved earlier: the one made for a file with these same columns is applied at once;
 * any other can be applied by hand. And "Save mapping as…" for the next file.
 */
export function SavedMappings({ t, signature, headers, mapping, options, onApply }: {
  t: CsvT;
  signature: string;
  /** The file's header row: its length is the file's columns, and it is saved with the mapping for Settings to show. */
  headers: string[];
  mapping: Mapping;
  /** The options the file is read with now: saved with the mapping. */
  options: ImportOptions;
  onApply: (mapping: Mapping, options: Partial<ImportOptions> | null) => void;
}) {
  const [saved, setSaved] = useState<CsvMappingSummary[]>([]);
  const [chosen, setChosen] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [saving, setSaving] = useState(false);
  const columns = headers.length;

  useEffect(() => {
    let live = true;
    listMappings(signature)
      .then((list) => {
        if (!live) return;
        setSaved(list);
        const match = list.find((entry) => entry.headersSignature === signature);
        if (match) {
          onApply(mappingOf(match, columns), match.options);
          setNotice(appliedNotice(match));
          setName(match.name);
        }
      })
      .catch(() => {
        // No saved mappings to offer is no reason to stop an import.
      });
    return () => {
      live = false;
    };
    // Once per file: applying must not undo the merchant's later changes.
  }, [signature]);

  const appliedNotice = (entry: CsvMappingSummary) =>
    [t("mapping.savedApplied", { name: entry.name }), entry.options ? t("mapping.savedWithOptions") : ""].filter(Boolean).join(" ");

  const apply = () => {
    const entry = saved.find((item) => String(item.id) === chosen);
    if (!entry) return;
    onApply(mappingOf(entry, columns), entry.options);
    setNotice(appliedNotice(entry));
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    setSaving(true);
    try {
      await saveMapping({ name: trimmed, headersSignature: signature, mapping, options, headers });
      setNotice(t("mapping.savedAs", { name: trimmed }));
      setSaved(await listMappings(signature).catch(() => saved));
    } catch (error) {
      setNotice(t("mapping.saveFailed", { message: error instanceof ApiError && error.message ? describeAnswer(t, error.message) : t("networkError") }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="space-y-2">
      {notice && (
        <p className="text-sm text-slate-700" data-testid="csv-mapping-notice" aria-live="polite">
          {notice}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-4">
        {saved.length > 0 && (
          <div className="flex items-end gap-2">
            <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
              {t("mapping.saved")}
              <select value={chosen} onChange={(event) => setChosen(event.target.value)} className={control}>
                <option value="">{t("mapping.savedChoose")}</option>
                {saved.map((entry) => (
                  <option key={entry.id} value={String(entry.id)}>
                    {entry.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={apply} disabled={!chosen} className={button}>
              {t("mapping.savedApply")}
            </button>
          </div>
        )}
        <form onSubmit={save} className="flex items-end gap-2">
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("mapping.saveAs")}
            <input value={name} onChange={(event) => setName(event.target.value)} placeholder={t("mapping.saveName")} aria-label={t("mapping.saveName")} maxLength={100} className={control} />
          </label>
          <button disabled={saving || !name.trim()} className={button}>
            {t("mapping.save")}
          </button>
        </form>
      </div>
    </div>
  );
}
