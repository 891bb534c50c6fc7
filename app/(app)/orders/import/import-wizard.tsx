"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { mergeErrors } from "@/lib/csv/rows-to-orders";
import { csvField, isFieldKey } from "@/lib/csv/fields";
import { decideDateOrder, decideNumberFormat } from "@/lib/csv/values";
import type { CsvRowError } from "@/lib/csv/write-csv";
import { startCsvWorker, type CsvWorker } from "./csv-worker-client";
import { FileStep } from "./file-step";
import { ApiError, createImport, findUnchangedOrders } from "./import-api";
import type { CsvImportCounts } from "@/lib/csv/import-protocol";
import type { CsvImportStatus } from "@/db/schema";
import { ImportProgress } from "./import-progress";
import { ImportStatusView } from "./import-status";
import { MappingStep } from "./mapping-step";
import type { StoreChoice } from "./options-form";
import { PreviewStep } from "./preview-step";
import { ResultStep } from "./result-step";
import { applyChunks, finishChunks, previewChunks, serverRowErrors, type Tally } from "./run-import";
import { StepList, type StepName } from "./step-list";
import { csvTranslator, describe, describeAnswer, type CsvLabels, type CsvT } from "./translator";
import type { ImportOptions, ImportPlan, Mapping, ParsedFile } from "./worker-protocol";

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

type Step = "file" | "mapping" | "preview" | "importing" | "result" | "status";

interface Plan extends ImportPlan {
  /** Set once the import starts (Import, not Preview), so a retry continues the same import. */
  importId: string | null;
  /** The started import's run: the result links to the orders it created. */
  runId: number | null;
  storeId: number;
  /** The options the plan was read with: the import is started with the same. */
  options: ImportOptions;
  preview: Tally;
  /** Rows the worker could not read, and the orders the dry run says would fail. */
  previewErrors: CsvRowError[];
}

interface Outcome {
  status: CsvImportStatus;
  counts: CsvImportCounts;
  errors: CsvRowError[];
}

const DATE_FIELDS = new Set(["orderDate", "paymentDate", "shipByDate"]);
const DEFAULT_OPTIONS: ImportOptions = { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep", decimalComma: false };

/** The columns mapped to fields whose cells are numbers with decimals (amounts and weights). */
function decimalColumns(mapping: Mapping): number[] {
  return Object.entries(mapping)
    .filter(([, field]) => isFieldKey(field) && ["money", "weight"].includes(csvField(field).kind))
    .map(([col]) => Number(col));
}

function messageOf(error: unknown, t: CsvT): string {
  if (error instanceof ApiError) return error.message ? describeAnswer(t, error.message) : t("networkError");
  return error instanceof Error ? error.message : String(error);
}

/**
 * The CSV import, step by step: file (read in a worker), columns and options, preview (a dry run
 * on the server), import (chunk by chunk, each retried), result. The import's id goes in the URL
 * once it starts, so a reload shows where it stands.
 */
export function ImportWizard({ labels, stores, defaultStoreId, initialImportId }: {
  labels: CsvLabels;
  stores: StoreChoice[];
  defaultStoreId: number;
  initialImportId: string | null;
}) {
  const t = useMemo(() => csvTranslator(labels), [labels]);
  const worker = useRef<CsvWorker | null>(null);
  useEffect(() => {
    const started = startCsvWorker();
    worker.current = started;
    return () => started.terminate();
  }, []);

  const [step, setStep] = useState<Step>(initialImportId ? "status" : "file");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<ParsedFile | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [storeId, setStoreId] = useState(defaultStoreId);
  const [options, setOptions] = useState<ImportOptions>(DEFAULT_OPTIONS);
  // The file's own dates settle their order unless some read both ways: then the merchant chooses.
  const dateChoice = useMemo(() => {
    if (!file) return { ask: false };
    const dateColumns = Object.entries(mapping).filter(([, field]) => field && DATE_FIELDS.has(field)).map(([col]) => Number(col));
    return decideDateOrder(dateColumns.flatMap((col) => file.dateEvidence[col] ?? []));
  }, [file, mapping]);
  // Likewise the decimal separator, from the amounts and weights the mapping reads.
  const numberChoice = useMemo(() => (file ? decideNumberFormat(decimalColumns(mapping).flatMap((col) => file.numberEvidence[col] ?? [])) : { ask: false }), [file, mapping]);
  const readOptions: ImportOptions = {
    ...options,
    ...(dateChoice.dateOrder ? { dateOrder: dateChoice.dateOrder } : {}),
    ...(numberChoice.decimalComma !== undefined ? { decimalComma: numberChoice.decimalComma } : {}),
  };
  const [plan, setPlan] = useState<Plan | null>(null);
  const [progress, setProgress] = useState({ done: 0, notice: null as string | null, error: null as string | null });
  const tallies = useRef(new Map<number, Tally>());
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const reset = () => {
    window.history.replaceState(null, "", "/orders/import");
    setFile(null);
    setPlan(null);
    setOutcome(null);
    setError(null);
    setStep("file");
  };

  const chooseFile = async (chosen: File) => {
    if (chosen.size > MAX_FILE_BYTES) {
      // Rounded up: a file just over the limit must not read as exactly 50 MB.
      setError(t("tooLarge", { name: chosen.name, size: Math.ceil((chosen.size / 1024 / 1024) * 10) / 10 }));
      return;
    }
    setError(null);
    setBusy(t("reading", { name: chosen.name }));
    try {
      const parsed = await worker.current!.parse(chosen);
      if (parsed.headers.length === 0 || parsed.rowCount === 0) {
        setError(parsed.issues[0] ? describe(t, parsed.issues[0]) : t("noRows"));
        return;
      }
      setFile(parsed);
      setMapping(parsed.suggested);
      setOptions((current) => ({
        ...current,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
        ...(parsed.suggestedWeightUnit ? { weightUnit: parsed.suggestedWeightUnit } : {}),
      }));
      setStep("mapping");
    } catch (failure) {
      setError(t("readFailed", { message: messageOf(failure, t) }));
    } finally {
      setBusy(null);
    }
  };

  const preview = async () => {
    if (!file) return;
    setError(null);
    setBusy(t("checking", { done: 0, total: "…" }));
    try {
      // Orders whose rows are exactly as this file last imported them are not read again.
      const sample = await worker.current!.fingerprints(mapping, readOptions, "sample");
      const unchanged = await findUnchangedOrders(storeId, sample, () => worker.current!.fingerprints(mapping, readOptions, "rest"));
      const planned = await worker.current!.plan(unchanged);
      const { total } = planned;
      setBusy(t("checking", { done: 0, total }));
      const tally = await previewChunks(storeId, planned.chunks, (done) => setBusy(t("checking", { done, total })));
      setPlan({ ...planned, importId: null, runId: null, storeId, options: readOptions, preview: tally, previewErrors: mergeErrors(planned.errors, serverRowErrors(tally.results)) });
      setStep("preview");
    } catch (failure) {
      setError(messageOf(failure, t));
    } finally {
      setBusy(null);
    }
  };

  const runImport = async () => {
    if (!plan || !file) return;
    const { chunks, errors, rowsLeftOut } = plan;
    if (!plan.importId) tallies.current.clear();
    setStep("importing");
    setProgress({ done: tallies.current.size, notice: null, error: null });
    try {
      let { importId, runId } = plan;
      if (!importId) {
        ({ importId, runId } = await createImport({ storeId: plan.storeId, fileName: file.fileName, options: plan.options, mapping, headers: file.headers, totalChunks: chunks.length, totalRows: file.rowCount, rowsLeftOut }));
        setPlan({ ...plan, importId, runId });
      }
      window.history.replaceState(null, "", `/orders/import?import=${encodeURIComponent(importId)}`);
      await applyChunks(importId, chunks, {
        done: new Set(tallies.current.keys()),
        onChunk: (index, tally) => {
          tallies.current.set(index, tally);
          setProgress({ done: tallies.current.size, notice: null, error: null });
        },
        onRetry: (index, attempt) => setProgress((current) => ({ ...current, notice: t("retrying", { chunk: index + 1, attempt }) })),
      });
      const finished = await finishChunks(importId);
      const results = [...tallies.current.values()].flatMap((tally) => tally.results);
      setOutcome({ status: finished.status, counts: finished.counts, errors: mergeErrors(errors, serverRowErrors(results)) });
      setStep("result");
    } catch (failure) {
      setProgress((current) => ({ ...current, error: messageOf(failure, t) }));
    }
  };

  const downloadReport = async () => {
    if (!file || !outcome) return;
    // The report speaks the merchant's language, as the page did.
    const csv = await worker.current!.report(outcome.errors.map((error) => ({ ...error, message: describe(t, error) })), t("reportErrorColumn"));
    const url = URL.createObjectURL(new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${file.fileName.replace(/\.[^.]*$/, "")}-errors.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const current: StepName = step === "status" || step === "importing" ? "result" : step;
  return (
    <div className="space-y-5">
      {step !== "status" && <StepList t={t} current={current} />}
      {step === "status" && initialImportId && <ImportStatusView t={t} importId={initialImportId} onImportAnother={reset} />}
      {step === "file" && <FileStep t={t} busy={busy} error={error} onFile={chooseFile} />}
      {step === "mapping" && file && (
        <MappingStep
          t={t}
          file={file}
          mapping={mapping}
          onMapping={setMapping}
          stores={stores}
          storeId={storeId}
          onStore={setStoreId}
          options={options}
          dateChoice={dateChoice}
          numberChoice={numberChoice}
          onOptions={setOptions}
          busy={busy}
          error={error}
          onChooseAnother={reset}
          onPreview={preview}
        />
      )}
      {step === "preview" && plan && (
        <PreviewStep
          t={t}
          locale={labels.locale}
          timeZone={options.timeZone}
          counts={plan.preview.counts}
          errors={plan.previewErrors}
          orders={plan.orders}
          total={plan.total}
          results={plan.preview.results}
          onBack={() => setStep("mapping")}
          onImport={runImport}
        />
      )}
      {step === "importing" && plan && (
        <ImportProgress t={t} done={progress.done} total={plan.chunks.length} notice={progress.notice} error={progress.error} onRetry={runImport} />
      )}
      {step === "result" && outcome && (
        <ResultStep
          t={t}
          status={outcome.status}
          counts={outcome.counts}
          runId={plan?.runId ?? null}
          rowErrors={plan?.rowsLeftOut}
          onDownloadReport={outcome.errors.length ? downloadReport : undefined}
          onImportAnother={reset}
        />
      )}
    </div>
  );
}
