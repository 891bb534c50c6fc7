"use client";

import { useActionState, useEffect, useId, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { compile, type Compiled, type Vars } from "@/lib/i18n/compile";
import type { Messages } from "@/lib/i18n/messages/en";
import type { ImportProgress } from "@/lib/imports/import-progress";
import type { ImportState } from "./actions";

export type ProgressMessages = Messages["stores"]["progress"];

const POLL_MS = 1_000;

/**
 * Import now: says what it imports; while an import runs (its own, or one already holding a
 * store, such as a scheduled one) it shows that import's pages and orders so far, read from
 * `progressUrl` every second; then what happened.
 */
export function ImportButton({ action, label, pendingLabel, hint, progressUrl, messages, locale, importingStoreIds = [] }: {
  action: () => Promise<ImportState>;
  label: string;
  pendingLabel: string;
  /** What the button imports, in words. */
  hint?: string;
  progressUrl: string;
  /** The `stores.progress` templates in the merchant's language. */
  messages: ProgressMessages;
  locale: string;
  /** Stores an import held when the page rendered: followed until it ends. */
  importingStoreIds?: number[];
}) {
  const router = useRouter();
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  /** Stores whose import someone else started: shown until it ends, then its result. */
  const [followed, setFollowed] = useState<number[]>(importingStoreIds);
  /** The last poll's answer; null until a poll made since following began has come back. */
  const [progress, setProgress] = useState<ImportProgress[] | null>(null);
  const hintId = useId();
  const [outcomes, setOutcomes] = useState<string[]>([]);
  const [state, run, pending] = useActionState(async () => {
    setOutcomes([]);
    const result = await action();
    if (result.busyStoreIds?.length) {
      // Judge the other import's end from polls made from now on.
      setProgress(null);
      setFollowed(result.busyStoreIds);
    }
    return result;
  }, {} as ImportState);
  const watching = pending || followed.length > 0;

  useEffect(() => {
    if (!watching) return;
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch(progressUrl, { cache: "no-store" });
        if (!response.ok || stopped) return;
        const body = (await response.json()) as ImportProgress | ImportProgress[];
        if (stopped) return;
        setProgress(Array.isArray(body) ? body : [body]);
      } catch {
        // The next poll tries again; the action's own answer does not depend on these.
      }
    };
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [watching, progressUrl]);

  // A followed import is over once a poll shows its store no longer held: say what it did, and show the page as it now is.
  // The answer is state, not a counter beside it: a poll counted but not yet rendered once ended a followed import at once.
  useEffect(() => {
    if (pending || followed.length === 0 || progress === null) return;
    const mine = progress.filter((store) => followed.includes(store.storeId));
    if (mine.some((store) => store.importing)) return;
    setOutcomes(mine.flatMap((store) => outcomeOf(store, t)));
    setFollowed([]);
    router.refresh();
  }, [progress, followed, pending, t, router]);

  const running = watching ? (progress ?? []).filter((store) => store.importing) : [];
  const describedBy = hint ? hintId : undefined;
  return (
    <form action={run} className="flex flex-wrap items-center gap-3">
      <button disabled={watching} aria-describedby={describedBy} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60" data-testid="import-button">
        {watching ? pendingLabel : label}
      </button>
      {hint && (
        <span id={hintId} className="text-xs text-slate-500" data-testid="import-hint">
          {hint}
        </span>
      )}
      <span aria-live="polite" data-testid="import-result" className={`text-sm ${state.failed || state.error ? "text-red-700" : "text-slate-600"}`}>
        {pending ? "" : (state.error ?? state.message)}
      </span>
      {(running.length > 0 || outcomes.length > 0) && (
        <ul aria-live="polite" className="basis-full space-y-0.5 text-sm text-slate-600" data-testid="import-progress">
          {running.map((store) => (
            <li key={store.storeId}>{progressLine(store, t)}</li>
          ))}
          {outcomes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </form>
  );
}

type ProgressT = (key: keyof ProgressMessages, vars?: Vars) => string;

function translator(locale: string, messages: ProgressMessages): ProgressT {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const compiled = new Map<string, Compiled>();
  return (key, vars = {}) => {
    let message = compiled.get(key);
    if (!message) {
      message = compile(messages[key]);
      compiled.set(key, message);
    }
    return message(vars, plurals, numbers);
  };
}

/** "Night Shop: 3 pages read, 412 orders so far", or "starting…" before its first page. */
function progressLine(store: ImportProgress, t: ProgressT): string {
  if (!store.run || store.run.status !== "running") return t("starting", { store: store.storeName });
  return `${t("pages", { store: store.storeName, pages: store.run.pages })}, ${t("orders", { orders: store.run.orders })}`;
}

function outcomeOf(store: ImportProgress, t: ProgressT): string[] {
  const { run } = store;
  if (!run || run.status === "running") return [];
  if (run.status === "failed") return [t("otherFailed", { store: store.storeName, error: run.error ?? "" })];
  return [t("otherFinished", { store: store.storeName, created: run.created, updated: run.updated })];
}
