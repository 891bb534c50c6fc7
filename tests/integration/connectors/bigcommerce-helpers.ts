import { bigcommerceConnector } from "@/lib/connectors/bigcommerce";
import type { PulledPage, StoreConnection } from "@/lib/connectors/types";
import type { BigCommerceFake } from "../../fakes/bigcommerce/server";

export function connectionTo(fake: BigCommerceFake, credentials: Record<string, string> = {}): StoreConnection {
  return { platform: "bigcommerce", baseUrl: fake.url, credentials: { storeHash: fake.storeHash, accessToken: fake.accessToken, ...credentials } };
}

/** A sleep that only writes down how long it was asked to wait. */
export function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** Every page of a pull from `since` to just after the fake store's clock. */
export async function pullAll(fake: BigCommerceFake, since: number, options: { sleep?: (ms: number) => Promise<void>; credentials?: Record<string, string> } = {}) {
  const pages: PulledPage[] = [];
  const sleep = options.sleep ?? recordingSleep().sleep;
  for await (const page of bigcommerceConnector.pull(connectionTo(fake, options.credentials), { since, until: fake.now() + 1000, sleep })) pages.push(page);
  return pages;
}

export const orderKeys = (pages: PulledPage[]) => pages.flatMap((page) => page.orders.map((order) => order.orderKey));

/** The orders-list requests the connector made, as query objects: the main listing's, or the archived orders' (`is_deleted=true`). */
export const orderListQueries = (fake: BigCommerceFake, archived = false) =>
  fake.requests
    .filter((request) => request.url.pathname.endsWith("/v2/orders") && request.url.searchParams.has("is_deleted") === archived)
    .map((request) => Object.fromEntries(request.url.searchParams));
