import type { CsvRowError } from "@/lib/csv/write-csv";
import type { Fingerprint, FingerprintPart, ImportOptions, ImportPlan, Mapping, ParsedFile, WorkerReply, WorkerRequest } from "./worker-protocol";

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

export interface CsvWorker {
  parse(file: File): Promise<ParsedFile>;
  /**
   * "sample": groups the rows into orders under this mapping and these options, and fingerprints
   * the sample of the numbered orders asked about first. "rest": the other numbered orders' fingerprints.
   */
  fingerprints(mapping: Mapping, options: ImportOptions, part: FingerprintPart): Promise<Fingerprint[]>;
  /** Reads the orders not found unchanged and cuts the file into chunks. */
  plan(unchanged: string[]): Promise<ImportPlan>;
  report(errors: CsvRowError[], errorColumn: string): Promise<string>;
  terminate(): void;
}

/** The page's handle on csv-worker.ts: one promise per request. */
export function startCsvWorker(): CsvWorker {
  const worker = new Worker(new URL("./csv-worker.ts", import.meta.url));
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;

  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new Error(reply.message));
  };
  worker.onerror = (event) => {
    for (const waiting of pending.values()) waiting.reject(new Error(event.message || "The file reader stopped."));
    pending.clear();
  };

  const call = <T>(request: Request) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id } as WorkerRequest);
    });

  return {
    parse: (file) => call<ParsedFile>({ type: "parse", file }),
    fingerprints: (mapping, options, part) => call<Fingerprint[]>({ type: "fingerprints", mapping, options, part }),
    plan: (unchanged) => call<ImportPlan>({ type: "plan", unchanged }),
    report: (errors, errorColumn) => call<string>({ type: "report", errors, errorColumn }),
    terminate: () => worker.terminate(),
  };
}
