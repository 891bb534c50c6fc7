import type { ServerResponse } from "node:http";
import { sendJson, startFakeServer, type FakeServer } from "../http-server";
import { FakeWooOrderStore, type FakeWooOrder } from "./orders";

export interface WooCommerceFakeOptions {
  consumerKey?: string;
  consumerSecret?: string;
  /** Keys that exist but may only write (WooCommerce lets a key be read, write or read_write). */
  writeOnlyKeys?: Record<string, string>;
  /** The site's time zone, for the local `date_*` fields and for date filters without `dates_are_gmt`. */
  siteUtcOffsetMinutes?: number;
  startAt?: number;
}

export type ListQuery = { page: number; perPage: number; url: URL };
type Malformed = "html" | "object" | "order-without-dates";

export interface WooCommerceFake extends FakeServer {
  consumerKey: string;
  consumerSecret: string;
  store: FakeWooOrderStore;
  add: FakeWooOrderStore["add"];
  addMany: FakeWooOrderStore["addMany"];
  update: FakeWooOrderStore["update"];
  cancel: FakeWooOrderStore["cancel"];
  reactivate: FakeWooOrderStore["reactivate"];
  trash: FakeWooOrderStore["trash"];
  untrash: FakeWooOrderStore["untrash"];
  deletePermanently: FakeWooOrderStore["deletePermanently"];
  batch: FakeWooOrderStore["batch"];
  now(): number;
  advance(ms: number): void;
  /** The next `count` API calls answer 429 with `Retry-After` (hosts and WAFs in front of WordPress do this). */
  rateLimitNext(count: number, retryAfterSeconds?: number): void;
  /** The next `count` API calls answer with a server error. */
  failNext(count: number, status?: number): void;
  /** The next order list is not what WooCommerce sends. */
  malformNext(kind: Malformed): void;
  /** Runs before each order list is read: a test changes orders here to race the pull. */
  beforeList?: (query: ListQuery) => void;
  /** The order-list requests' query parameters, in order. */
  listQueries(): Record<string, string>[];
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const ORDERBY = ["date", "id", "include", "title", "slug", "modified"];
/** REST v3's `status` enum (core statuses, `any`, `trash`); plugins' custom statuses are left out here. */
const STATUSES = ["any", "trash", "pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed", "checkout-draft"];

export async function startWooCommerceFake(options: WooCommerceFakeOptions = {}): Promise<WooCommerceFake> {
  const consumerKey = options.consumerKey ?? "ck_4f1d0b6c8e2a9f7d3b5c1e0a8f6d4b2c9e7a5f3d";
  const consumerSecret = options.consumerSecret ?? "cs_9a7e5c3b1d0f8e6a4c2b0d9f7e5a3c1b8d6f4e2a";
  const store = new FakeWooOrderStore(options.siteUtcOffsetMinutes ?? -240, options.startAt);
  let rateLimited = 0;
  let retryAfter = 2;
  let failing = 0;
  let failStatus = 503;
  let malformed: Malformed | null = null;

  const server = await startFakeServer((request, response, { url }) => {
    if (rateLimited > 0) {
      rateLimited--;
      response.writeHead(429, { "content-type": "text/html", "retry-after": String(retryAfter) });
      return void response.end("<html><body><h1>429 Too Many Requests</h1></body></html>");
    }
    if (failing > 0) {
      failing--;
      return sendJson(response, failStatus, { code: "internal_server_error", message: "There has been a critical error on this website.", data: { status: failStatus } });
    }
    const route = url.pathname.replace(/\/+$/, "");
    const single = /^\/wp-json\/wc\/v3\/orders\/(\d+)$/.exec(route);
    if (request.method === "GET" && single) {
      const denied = authenticate(request.headers.authorization);
      if (denied) return sendJson(response, 401, denied);
      // A trashed order is still there (status trash); one deleted for good is not.
      const found = store.orders.get(Number(single[1]));
      if (!found) return sendJson(response, 404, { code: "woocommerce_rest_shop_order_invalid_id", message: "Invalid ID.", data: { status: 404 } });
      return sendJson(response, 200, found);
    }
    if (request.method !== "GET" || !["/wp-json/wc/v3/orders", "/wp-json/wc/v3/system_status"].includes(route)) {
      return sendJson(response, 404, { code: "rest_no_route", message: "No route was found matching the URL and request method.", data: { status: 404 } });
    }
    const denied = authenticate(request.headers.authorization);
    if (denied) return sendJson(response, 401, denied);
    if (route.endsWith("system_status")) return sendJson(response, 200, { environment: { version: "8.9.3" } });
    return listOrders(url, response);
  });

  function authenticate(header: string | undefined) {
    const [scheme, encoded] = (header ?? "").split(" ");
    const [key, ...rest] = scheme === "Basic" && encoded ? Buffer.from(encoded, "base64").toString("utf8").split(":") : [];
    const secret = rest.join(":");
    const writeOnly = options.writeOnlyKeys?.[key];
    // An unknown key leaves the request anonymous; the endpoint then refuses it.
    if (key !== consumerKey && writeOnly === undefined) {
      return { code: "woocommerce_rest_cannot_view", message: "Sorry, you cannot list resources.", data: { status: 401 } };
    }
    if (secret !== (writeOnly ?? consumerSecret)) {
      return { code: "woocommerce_rest_authentication_error", message: "Consumer secret is invalid.", data: { status: 401 } };
    }
    if (writeOnly !== undefined) {
      return { code: "woocommerce_rest_authentication_error", message: "The API key provided does not have read permissions.", data: { status: 401 } };
    }
    return null;
  }

  function listOrders(url: URL, response: ServerResponse) {
    const q = url.searchParams;
    const invalid: Record<string, string> = {};
    const perPage = Number(q.get("per_page") ?? 10);
    const page = Number(q.get("page") ?? 1);
    const orderby = q.get("orderby") ?? "date";
    const order = q.get("order") ?? "desc";
    const gmt = ["true", "1"].includes(q.get("dates_are_gmt") ?? "false");
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) invalid.per_page = "per_page must be between 1 (inclusive) and 100 (inclusive)";
    if (!Number.isInteger(page) || page < 1) invalid.page = "page must be greater than or equal to 1";
    if (!ORDERBY.includes(orderby)) invalid.orderby = `orderby is not one of ${ORDERBY.join(", ")}.`;
    if (!["asc", "desc"].includes(order)) invalid.order = "order is not one of asc and desc.";
    if (!["true", "false", "1", "0", null].includes(q.get("dates_are_gmt"))) invalid.dates_are_gmt = "dates_are_gmt is not of type boolean.";
    const statuses = (q.get("status") ?? "any").split(",");
    if (statuses.some((status) => !STATUSES.includes(status))) invalid.status = `status[0] is not one of ${STATUSES.join(", ")}.`;
    const bounds: Record<string, number> = {};
    for (const name of ["after", "before", "modified_after", "modified_before"]) {
      const value = q.get(name);
      if (value === null) continue;
      const match = DATE_TIME.exec(value);
      // WordPress compares the date's wall-clock digits with the GMT or the local column.
      if (match) bounds[name] = Date.parse(`${match[1]}T${match[2]}Z`);
      else invalid[name] = "Invalid date.";
    }
    if (Object.keys(invalid).length) {
      return sendJson(response, 400, {
        code: "rest_invalid_param",
        message: `Invalid parameter(s): ${Object.keys(invalid).join(", ")}`,
        data: { status: 400, params: invalid },
      });
    }
    fake.beforeList?.({ page, perPage, url });

    const column = (o: FakeWooOrder, field: "date_created_gmt" | "date_modified_gmt") => {
      const ms = Date.parse(`${o[field]}Z`);
      return gmt ? ms : store.localMs(ms);
    };
    const matching = store.listable(statuses).filter((o) => {
      const created = column(o, "date_created_gmt");
      const modified = column(o, "date_modified_gmt");
      return (
        (bounds.after === undefined || created > bounds.after) &&
        (bounds.before === undefined || created < bounds.before) &&
        (bounds.modified_after === undefined || modified > bounds.modified_after) &&
        (bounds.modified_before === undefined || modified < bounds.modified_before)
      );
    });
    // WooCommerce adds the id to date and modified sorts so pages are stable.
    const key = (o: FakeWooOrder) => (orderby === "modified" ? Date.parse(`${o.date_modified_gmt}Z`) : orderby === "id" ? 0 : Date.parse(`${o.date_created_gmt}Z`));
    matching.sort((a, b) => (key(a) - key(b) || a.id - b.id) * (order === "asc" ? 1 : -1));

    const totalPages = Math.ceil(matching.length / perPage);
    let body: unknown = matching.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = { "x-wp-total": String(matching.length), "x-wp-totalpages": String(totalPages) };
    const links = [];
    if (page > 1) links.push(`<${pageUrl(url, Math.min(page - 1, totalPages))}>; rel="prev"`);
    if (totalPages > page) links.push(`<${pageUrl(url, page + 1)}>; rel="next"`);
    if (links.length) headers.link = links.join(", ");

    const kind = malformed;
    // An order without dates needs an order to spoil: an empty list (often the bin's) leaves it for the next one.
    if (!(kind === "order-without-dates" && (body as FakeWooOrder[]).length === 0)) malformed = null;
    if (kind === "html") {
      response.writeHead(200, { "content-type": "text/html; charset=UTF-8" });
      return void response.end("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body></body></html>");
    }
    if (kind === "object") body = { orders: body };
    if (kind === "order-without-dates") body = (body as FakeWooOrder[]).map((o, i) => (i === 0 ? { ...o, date_modified_gmt: null } : o));
    return sendJson(response, 200, body, headers);
  }

  function pageUrl(url: URL, page: number) {
    const next = new URL(url);
    next.searchParams.set("page", String(page));
    return next.toString();
  }

  const fake: WooCommerceFake = {
    ...server,
    consumerKey,
    consumerSecret,
    store,
    add: store.add.bind(store),
    addMany: store.addMany.bind(store),
    update: store.update.bind(store),
    cancel: store.cancel.bind(store),
    reactivate: store.reactivate.bind(store),
    trash: store.trash.bind(store),
    untrash: store.untrash.bind(store),
    deletePermanently: store.deletePermanently.bind(store),
    batch: store.batch.bind(store),
    now: () => store.now(),
    advance: (ms) => store.advance(ms),
    rateLimitNext(count, seconds = 2) {
      rateLimited = count;
      retryAfter = seconds;
    },
    failNext(count, status = 503) {
      failing = count;
      failStatus = status;
    },
    malformNext(kind) {
      malformed = kind;
    },
    listQueries: () =>
      server.requests.filter((r) => r.url.pathname.startsWith("/wp-json/wc/v3/orders")).map((r) => Object.fromEntries(r.url.searchParams)),
  };
  return fake;
}
