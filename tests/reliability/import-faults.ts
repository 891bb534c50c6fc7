import { expect } from "vitest";
import { db } from "@/db/database";
import { seededRandom } from "@/lib/demo/generate-orders";
import { connectorFor } from "@/lib/connectors/registry";
import { CURSOR_OVERLAP_MS, importStore } from "@/lib/imports/import-store";
import { cancelOrder } from "@/lib/orders/order-actions";
import { createStore, type StoreInput } from "@/lib/stores/manage-stores";
import type { ConnectablePlatform } from "@/lib/stores/platforms";
import type { FakeServer, TransportFault } from "../fakes/http-server";
import { createMerchant } from "../helpers/workspaces";
import { inputsPerSurface, pick, type Random } from "./mutate";
import { recordSurface } from "./record";

/** An order as the channel holds it now, as the checks read it. */
export interface ChannelOrder {
  key: string;
  /** The field the changes edit, as Shipdeck should store it. */
  value: string | null;
  /** Cancelled in the platform's own way (cancelled, trashed, archived…). */
  cancelled: boolean;
  /** When the channel last changed it (epoch ms). */
  modifiedAt: number;
}

/** One platform as the fault runs drive it: how its channel changes, and the faults it has of its own. */
export interface FaultyChannel {
  surface: string;
  platform: ConnectablePlatform;
  store: Omit<StoreInput, "platform" | "name">;
  fake: FakeServer;
  /** The Shipdeck column of the field the changes edit. */
  column: "customer_notes" | "requested_shipping_service";
  /** The channel's clock: imports run by it, as a store's clock agrees with ours within the overlap. */
  now(): number;
  /** The channel's time moves on between two runs by `ms`. */
  between(ms: number): void;
  /** The import waits (a retry, a rate limit): the platform's limits see that much time pass. */
  wait(ms: number): void;
  /** One random change: new orders, edits of open ones, cancellations in the platform's ways. */
  change(random: Random, run: number): void;
  /** The platform's own faults by name (5xx, 429s, malformed answers), each queued for the next request. */
  faults: Record<string, (random: Random) => void>;
  orders(): ChannelOrder[];
}

/** Import runs per platform: the 1,000 randomized runs split over the five platforms (RELIABILITY_SCALE scales them). */
export const RUNS_PER_PLATFORM = Math.round(inputsPerSurface() / 5);
const MINUTE = 60_000;
/** The longest a channel's clock may run on in the fault runs: a channel whose clock must stay behind real time starts this far back. */
export const LONGEST_FAULT_RUNS_MS = RUNS_PER_PLATFORM * 61 * MINUTE;
/** The fault runs' request time limit: short, so a request left hanging costs the suite little real time. */
const FAULT_RUN_TIMEOUT_MS = 500;
const INTERNAL_ERROR = "something went wrong on Shipdeck's side";
/** Changes one run may see while it pulls (a slow platform's waits would otherwise snowball them). */
const MID_PULL_CHANGES = 3;

/** What goes wrong on the wire, the same for every platform. */
const TRANSPORT_FAULTS: Record<string, (random: Random) => TransportFault> = {
  timeout: () => ({ kind: "timeout" }),
  "slow body": () => ({ kind: "slow-body", chunks: 3, delayMs: 5 }),
  "slow body past the limit": () => ({ kind: "slow-body", chunks: 4, delayMs: FAULT_RUN_TIMEOUT_MS }),
  "body cut off": (random) => ({ kind: "slow-body", chunks: 4, delayMs: 1, cutAfter: 1 + Math.floor(random() * 3) }),
  "truncated body": (random) => ({ kind: "truncated", keep: 0.1 + random() * 0.8 }),
};

type Outcome = Awaited<ReturnType<typeof importStore>>["status"];
const tally = (values: string[]) => Object.fromEntries([...new Set(values)].sort().map((value) => [value, values.filter((each) => each === value).length]));

/**
 * The fault runs for one platform: each run the channel changes (between runs, during the pull's
 * waits and between its requests), one fault is queued for a random request of the run, and the
 * store is imported; now and then the merchant cancels an order in Shipdeck. After every run, no
 * order the import has not caught up with may lie behind the cursor's reach. Then one clean run,
 * and every order the channel holds must be in Shipdeck exactly once with its latest data.
 */
export async function runImportsUnderFaults(channel: FaultyChannel, seed: number) {
  const { workspaceId } = await createMerchant(`Faults ${channel.platform}`);
  const storeId = Number(await createStore(workspaceId, { platform: channel.platform, name: `Faulty ${channel.platform}`, ...channel.store }));
  const random = seededRandom(seed);
  // The requests' interleaving is the connector's: changes made between them draw from their own sequence.
  const midPull = seededRandom(seed + 1);
  const outcomes: Outcome[] = [];
  const faults: string[] = [];
  const crashes: string[] = [];
  const cursorSkipped = new Set<string>();
  const cancelledInShipdeck = new Map<string, string | null>();
  let run = 0;
  let requestsThisRun = 0;
  let changesThisRun = 0;
  const changeMidPull = (chance: number) => {
    if (changesThisRun < MID_PULL_CHANGES && midPull() < chance) {
      changesThisRun++;
      channel.change(midPull, run);
    }
  };
  let fault: { name: string; inject: () => void; at: number; injected: boolean } | null = null;
  channel.fake.onRequest(() => {
    if (fault && requestsThisRun++ === fault.at) {
      fault.inject();
      fault.injected = true;
    }
    changeMidPull(0.05);
  });
  const importNow = (requestTimeoutMs?: number) =>
    importStore(workspaceId, storeId, {
      trigger: "manual",
      connector: connectorFor(channel.platform),
      now: () => channel.now(),
      sleep: async (ms: number) => {
        channel.wait(ms);
        changeMidPull(0.3);
      },
      requestTimeoutMs,
    });

  for (run = 1; run <= RUNS_PER_PLATFORM; run++) {
    // Mostly a minute between runs; now and then longer than the pull's overlap, as after an outage.
    channel.between(random() < 0.2 ? Math.round((15 + random() * 45) * MINUTE) : MINUTE);
    channel.change(random, run);
    // The fault hits one of the run's first requests: the first page, or one further into the pull.
    fault = { ...pickFault(channel, random), at: random() < 0.6 ? 0 : 1 + Math.floor(random() * 3), injected: false };
    requestsThisRun = 0;
    changesThisRun = 0;
    const result = await importNow(FAULT_RUN_TIMEOUT_MS);
    faults.push(fault.injected ? fault.name : "none");
    outcomes.push(result.status);
    if (result.error?.includes(INTERNAL_ERROR)) crashes.push(`run ${run} (${fault.name}): ${result.error}`);
    const stored = await storedOf(storeId);
    for (const key of await behindCursor(storeId, channel, stored, cancelledInShipdeck)) cursorSkipped.add(key);
    if (random() < 0.03) await cancelOneInShipdeck(workspaceId, channel, stored, cancelledInShipdeck, random);
  }
  // The clean run: no fault, and the channel holds still while it pulls.
  fault = null;
  changesThisRun = Number.POSITIVE_INFINITY;
  channel.fake.onRequest(null);
  channel.between(MINUTE);
  const clean = await importNow();

  const stored = await storedOf(storeId);
  const held = channel.orders();
  const lost = held.filter((order) => !stored.has(order.key)).map((order) => order.key);
  const duplicated = [...stored].filter(([, rows]) => rows.length > 1).map(([key]) => key);
  const stale = held.filter((order) => stored.has(order.key) && !cancelledInShipdeck.has(order.key) && !isUpToDate(order, stored.get(order.key)![0], channel.column)).map((order) => order.key);
  // The merge rules: an order cancelled in Shipdeck is never modified again, whatever the channel says.
  const reopened = [...cancelledInShipdeck].filter(([key, value]) => stored.get(key)?.[0].status !== "cancelled" || stored.get(key)?.[0][channel.column] !== value).map(([key]) => key);
  await recordSurface(channel.surface, {
    tried: RUNS_PER_PLATFORM,
    outcomes: tally(outcomes),
    faults: tally(faults),
    crashes: crashes.length,
    clean_run: clean.status,
    channel_orders: held.length,
    cancelled_in_shipdeck: cancelledInShipdeck.size,
    lost: lost.length,
    duplicated: duplicated.length,
    stale: stale.length + reopened.length,
    cursor_skipped: cursorSkipped.size,
  });
  expect(clean).toMatchObject({ status: "succeeded", error: null });
  expect({ crashes, lost, duplicated, stale, reopened, cursorSkipped: [...cursorSkipped] }).toEqual({ crashes: [], lost: [], duplicated: [], stale: [], reopened: [], cursorSkipped: [] });
}

/** This run's fault (or none): its name, and how to queue it when the request it hits arrives. */
function pickFault(channel: FaultyChannel, random: Random): { name: string; inject: () => void } {
  const roll = random();
  if (roll < 0.35) {
    const [name, fault] = pick(random, Object.entries(channel.faults));
    return { name, inject: () => fault(random) };
  }
  if (roll < 0.7) {
    const [name, fault] = pick(random, Object.entries(TRANSPORT_FAULTS));
    const chosen = fault(random);
    return { name, inject: () => channel.fake.misbehaveNext(chosen) };
  }
  return { name: "none", inject: () => undefined };
}

type StoredRow = { order_key: string; status: string; customer_notes: string | null; requested_shipping_service: string | null; id: number };

/** The store's orders in Shipdeck, by key (more than one row under a key is a duplicate). */
async function storedOf(storeId: number): Promise<Map<string, StoredRow[]>> {
  const rows = await db.read.selectFrom("orders").select(["id", "order_key", "status", "customer_notes", "requested_shipping_service"]).where("store_id", "=", storeId).execute();
  const byKey = new Map<string, StoredRow[]>();
  for (const row of rows) byKey.set(row.order_key, [...(byKey.get(row.order_key) ?? []), row]);
  return byKey;
}

function isUpToDate(order: ChannelOrder, row: StoredRow, column: FaultyChannel["column"]): boolean {
  return (row[column] ?? null) === order.value && (row.status === "cancelled") === order.cancelled;
}

/** Orders Shipdeck has not caught up with that the next pull (from the cursor minus the overlap) would not reach. */
async function behindCursor(storeId: number, channel: FaultyChannel, stored: Map<string, StoredRow[]>, cancelledInShipdeck: Map<string, unknown>): Promise<string[]> {
  const store = await db.read.selectFrom("stores").select("cursor").where("id", "=", storeId).executeTakeFirstOrThrow();
  if (store.cursor == null) return [];
  const reach = Number(store.cursor) - CURSOR_OVERLAP_MS;
  return channel
    .orders()
    .filter((order) => order.modifiedAt < reach && !cancelledInShipdeck.has(order.key))
    .filter((order) => {
      const row = stored.get(order.key)?.[0];
      return !row || !isUpToDate(order, row, channel.column);
    })
    .map((order) => order.key);
}

/** The merchant cancels one open imported order in Shipdeck; what it held then must stay. */
async function cancelOneInShipdeck(workspaceId: string, channel: FaultyChannel, stored: Map<string, StoredRow[]>, cancelled: Map<string, string | null>, random: Random) {
  const open = [...stored.values()].map((rows) => rows[0]).filter((row) => row.status !== "cancelled" && row.status !== "shipped");
  if (!open.length) return;
  const row = pick(random, open);
  await cancelOrder(workspaceId, row.id, { actor: "user-1", source: "manual" });
  cancelled.set(row.order_key, row[channel.column]);
}
