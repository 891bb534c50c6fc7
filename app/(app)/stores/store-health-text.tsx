import Link from "next/link";
import { reasonWords, whenWords, type WordsContext } from "@/lib/imports/reason-words";
import type { StoreHealth } from "@/lib/stores/store-health";
import { localize } from "@/lib/i18n/message";

export type HealthContext = WordsContext;

/** When the store is next imported and why, in words; null where nothing is scheduled to say. */
export function nextImportWords(health: StoreHealth, platform: string, context: HealthContext): { when: string; why: string } | null {
  const { t, format, now } = context;
  if (!health.connected) return { when: "", why: t("stores.health.notConnected") };
  if (!health.autoImport) return { when: "", why: t("stores.health.off") };
  const why = health.reason ? reasonWords(health.reason, platform, context) : "";
  if (health.importing) return { when: t("stores.health.importingNow"), why };
  if (health.nextImportAt === null) return null;
  return { when: health.nextImportAt <= now ? t("stores.health.dueNow") : format.moment(health.nextImportAt, now), why };
}

/** The next import, for a table cell or the store page: "14:05" over "About 40 orders a day: checked every 5 min". */
export function NextImport({ health, platform, context }: { health: StoreHealth; platform: string; context: HealthContext }) {
  const words = nextImportWords(health, platform, context);
  if (!words) return null;
  return (
    <span data-testid="next-import">
      {words.when && <span className="block">{words.when}</span>}
      <span className="block text-xs text-slate-500" data-testid="next-import-reason">
        {words.why}
      </span>
    </span>
  );
}

/**
 * A store flagged after failing several times in a row: what went wrong in plain words, what to
 * do, that Shipdeck keeps retrying and that the flag clears itself, and the platform's own message.
 */
export function AttentionDetails({ storeId, platform, health, context }: { storeId: number; platform: string; health: StoreHealth; context: HealthContext }) {
  const { t } = context;
  if (!health.advice) return null;
  return (
    <span className="block space-y-0.5 text-sm">
      <span className="block font-medium">{t(health.advice.problem, { platform })}</span>
      <span className="block">
        {t(health.advice.action)}
        {health.advice.fixInSettings && (
          <>
            {" "}
            <Link href={`/stores/${storeId}#settings`} className="font-medium underline">
              {t("stores.health.openSettings")}
            </Link>
          </>
        )}
      </span>
      <span className="block">{retryWords(health, context)}</span>
      {health.lastError && <span className="block text-xs opacity-80">{t("stores.health.details", { message: localize(health.lastError, t) })}</span>}
    </span>
  );
}

/** One or two failures: said quietly, as the next try usually fixes it. */
export function QuietFailure({ platform, health, context }: { platform: string; health: StoreHealth; context: HealthContext }) {
  const { t } = context;
  if (!health.advice) return null;
  const next = health.autoImport && health.nextImportAt !== null ? ` ${t("stores.health.nextTry", { when: whenWords(health.nextImportAt, context) })}` : "";
  return (
    <span className="block text-xs text-slate-500" data-testid="last-failure" title={health.lastError ? localize(health.lastError, t) : undefined}>
      {t("stores.health.lastFailed", { problem: t(health.advice.problem, { platform }) })}
      {next}
    </span>
  );
}

function retryWords(health: StoreHealth, context: HealthContext): string {
  const { t } = context;
  if (!health.autoImport) return t("stores.health.notRetrying");
  return t("stores.health.keepsRetrying", { when: whenWords(health.nextImportAt ?? context.now, context) });
}

/** A store not yet known to work: never tested nor imported, or its last test failed and no import has worked since. */
export function ConnectionState({ health, context }: { health: StoreHealth; context: HealthContext }) {
  const { t } = context;
  if (health.connection === "ok") return null;
  return (
    <span className="mt-1 block text-xs" data-testid="store-connection">
      {health.connection === "failed" ? t("stores.connection.failedHint", { message: localize(health.connectionError ?? "", t) }) : t("stores.connection.untestedHint")}
    </span>
  );
}
