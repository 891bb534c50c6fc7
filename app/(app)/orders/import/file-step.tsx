"use client";

import { useRef, useState } from "react";
import type { CsvT } from "./translator";

/** Drop a file on the zone, or pick one; the wizard reads it. */
export function FileStep({ t, busy, error, onFile }: { t: CsvT; busy: string | null; error: string | null; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);

  const onDrop = (event: React.DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = event.dataTransfer.files;
    if (files.length !== 1) return setDropError(t("notAFile"));
    setDropError(null);
    onFile(files[0]);
  };

  return (
    <section className="space-y-3">
      <div
        data-testid="csv-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`rounded-xl border-2 border-dashed p-10 text-center ${over ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}
      >
        <p className="font-medium">{t("dropHere")}</p>
        <p className="my-2 text-sm text-slate-500">{t("or")}</p>
        <label className="inline-block cursor-pointer rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
          {t("browse")}
          <input
            ref={input}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
            className="sr-only"
            disabled={Boolean(busy)}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) onFile(file);
              if (input.current) input.current.value = "";
            }}
          />
        </label>
        <p className="mt-3 text-xs text-slate-500">{t("fileHint")}</p>
      </div>
      {busy && (
        <p className="text-sm text-slate-600" aria-live="polite">
          {busy}
        </p>
      )}
      {(error || dropError) && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="csv-file-error">
          {error ?? dropError}
        </p>
      )}
    </section>
  );
}
