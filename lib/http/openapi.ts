import { z } from "zod";
import { apiOrderListQuerySchema, MAX_ORDERS_PER_BATCH } from "@/lib/orders/api-orders";
import { holdUntilSchema, markAsShippedSchema, restoreFromHoldSchema } from "@/lib/orders/api-actions";
import { shipStationOrderInputSchema } from "@/lib/orders/shipstation-order";
import { refreshStoreQuerySchema } from "@/lib/stores/refresh-status";
import { parcelInputSchema } from "@/lib/rating/parcel-schema";

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

/** What an answer adds to the order that was sent: ids, computed totals and timestamps. */
const orderAnswerFields = z.object({
  orderId: z.number().int(),
  orderKey: z.string(),
  createDate: z.string(),
  modifyDate: z.string(),
  orderTotal: z.number(),
  customerId: z.null(),
  userId: z.null(),
  externallyFulfilled: z.boolean(),
  externallyFulfilledBy: z.string().nullable(),
  labelMessages: z.null(),
  items: z.array(z.object({ orderItemId: z.number().int(), createDate: z.string(), modifyDate: z.string() }).loose()),
});

const errorSchema = z.object({
  message: z.string(),
  code: z.enum(["invalid_input", "unauthorized", "not_found", "conflict", "payload_too_large", "unsupported_media_type", "rate_limited", "internal"]),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});

const shipStationRate = z.object({
  serviceName: z.string().describe('A sample card\'s service name ends with " (sample prices, not carrier prices)"'),
  serviceCode: z.string(),
  shipmentCost: z.number().describe("The base price, in dollars"),
  otherCost: z.number().describe("Every surcharge (fuel, residential, delivery area, handling, oversize, confirmation), in dollars"),
});

const dollars = z.number().describe("Dollars");
const rateQuote = z.object({
  carrierCode: z.string(),
  carrierName: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  packageCode: z.string(),
  source: z.enum(["rate_card", "live"]),
  samplePrices: z.boolean().describe("True for the built-in sample card: sample prices, not carrier prices"),
  notes: z.string().nullable(),
  zone: z.string().nullable(),
  zoneSource: z.string().nullable(),
  deliveryDays: z.number().int().nullable(),
  billableWeight: z.object({ value: z.number(), units: z.literal("ounces") }),
  dimWeight: z.object({ value: z.number(), units: z.literal("ounces") }).nullable(),
  dimWeightUsed: z.boolean(),
  total: dollars,
  breakdown: z.object({ base: dollars, fuel: dollars, residential: dollars, deliveryArea: dollars, additionalHandling: dollars, oversize: dollars, confirmation: dollars }),
});
const rateProblem = z.object({ carrierCode: z.string(), carrierName: z.string(), serviceCode: z.string().nullable(), message: z.string() });

const carrierService = z.object({
  carrierCode: z.string(),
  code: z.string(),
  name: z.string(),
  domestic: z.boolean(),
  international: z.boolean(),
  packageCode: z.string().nullable(),
  samplePrices: z.boolean(),
});
const carrier = z.object({
  name: z.string(),
  code: z.string(),
  accountNumber: z.null(),
  requiresFundedAccount: z.boolean(),
  balance: z.number(),
  nickname: z.null(),
  shippingProviderId: z.null(),
  primary: z.boolean(),
  samplePrices: z.boolean(),
  services: z.array(carrierService),
});
const carrierCodeParameter = [{ name: "carrierCode", in: "query", required: true, schema: { type: "string" }, description: "Ours or ShipStation's (stamps_com, endicia, ups_walleted…)" }];

const createOrdersResult = z.object({
  hasErrors: z.boolean(),
  results: z.array(
    z.object({ orderId: z.number().int().nullable(), orderNumber: z.string().nullable(), orderKey: z.string().nullable(), success: z.boolean(), errorMessage: z.string().nullable() }),
  ),
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });
const errors = {
  "400": { description: "Invalid input: the message and fieldErrors name the field", content: json(ref("Error")) },
  "401": { description: "Missing or wrong API key and secret", content: json(ref("Error")) },
  "415": { description: "A write whose body is not declared Content-Type: application/json", content: json(ref("Error")) },
  "429": { description: "Over the per-key or per-workspace limit, or too many failed authentications from one address; see Retry-After", content: json(ref("Error")) },
};
const body = (schema: unknown) => ({ required: true, content: json(schema) });

function queryParameters(schema: z.ZodObject) {
  const { properties } = jsonSchema(schema) as { properties: Record<string, unknown> };
  return Object.entries(properties).map(([name, schema]) => ({ name, in: "query", required: false, schema }));
}

/** The OpenAPI 3.1 document of /api/v1, built from the zod schemas the routes validate with. */
export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Shipdeck API",
      version: "1.0.0",
      description:
        "ShipStation API v1 compatible: same paths, fields and semantics. Authenticate with HTTP Basic (API key as user name, secret as password). " +
        "Timestamps without an offset are read in the workspace's API time zone (America/Los_Angeles unless changed) and answers use the same zone, without an offset. " +
        "Every answer carries X-Rate-Limit-Limit, X-Rate-Limit-Remaining and X-Rate-Limit-Reset.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ basicAuth: [] }],
    components: {
      securitySchemes: { basicAuth: { type: "http", scheme: "basic" } },
      schemas: {
        OrderInput: jsonSchema(shipStationOrderInputSchema),
        Order: { allOf: [ref("OrderInput"), jsonSchema(orderAnswerFields)] },
        CreateOrdersResult: jsonSchema(createOrdersResult),
        Error: jsonSchema(errorSchema),
        HoldUntil: jsonSchema(holdUntilSchema),
        RestoreFromHold: jsonSchema(restoreFromHoldSchema),
        MarkAsShipped: jsonSchema(markAsShippedSchema),
        ParcelInput: jsonSchema(parcelInputSchema),
        GetRatesInput: { allOf: [ref("ParcelInput"), { type: "object", required: ["carrierCode"] }] },
        Rate: jsonSchema(shipStationRate),
        RateQuote: jsonSchema(rateQuote),
        RateProblem: jsonSchema(rateProblem),
        Carrier: jsonSchema(carrier),
        CarrierService: jsonSchema(carrierService),
      },
    },
    paths: {
      "/orders": {
        get: {
          summary: "List orders",
          parameters: queryParameters(apiOrderListQuerySchema),
          responses: {
            "200": {
              description: "One page of orders",
              content: json({ type: "object", properties: { orders: { type: "array", items: ref("Order") }, total: { type: "integer" }, page: { type: "integer" }, pages: { type: "integer" } } }),
            },
            ...errors,
          },
        },
      },
      "/orders/{orderId}": {
        parameters: [{ name: "orderId", in: "path", required: true, schema: { type: "integer" } }],
        get: { summary: "Get an order", responses: { "200": { description: "The order", content: json(ref("Order")) }, "404": { description: "No such order in this account", content: json(ref("Error")) }, ...errors } },
        delete: {
          summary: "Delete an order (it leaves the lists; its history is kept)",
          responses: { "200": { description: "Deleted", content: json({ type: "object", properties: { success: { type: "boolean" }, message: { type: "string" } } }) }, "404": { description: "No such order", content: json(ref("Error")) }, ...errors },
        },
      },
      "/orders/createorder": {
        post: {
          summary: "Create an order, or replace the one with this orderKey (full replace; shipped and cancelled orders cannot be updated)",
          requestBody: body(ref("OrderInput")),
          responses: { "200": { description: "The order as stored", content: json(ref("Order")) }, "413": { description: "Body too large", content: json(ref("Error")) }, ...errors },
        },
      },
      "/orders/createorders": {
        post: {
          summary: `Create or update up to ${MAX_ORDERS_PER_BATCH} orders; each succeeds or fails on its own`,
          requestBody: body({ type: "array", maxItems: MAX_ORDERS_PER_BATCH, items: ref("OrderInput") }),
          responses: { "200": { description: "One result per order, in order", content: json(ref("CreateOrdersResult")) }, "413": { description: "Body too large", content: json(ref("Error")) }, ...errors },
        },
      },
      "/orders/holduntil": { post: { summary: "Hold an order until a date", requestBody: body(ref("HoldUntil")), responses: { "200": { description: "{success, message}" }, ...errors } } },
      "/orders/restorefromhold": { post: { summary: "Restore a held order to Awaiting Shipment", requestBody: body(ref("RestoreFromHold")), responses: { "200": { description: "{success, message}" }, ...errors } } },
      "/orders/markasshipped": { post: { summary: "Mark an order shipped", requestBody: body(ref("MarkAsShipped")), responses: { "200": { description: "{orderId, orderNumber}" }, ...errors } } },
      "/stores/refreshstore": {
        post: {
          summary: "Import one store now (storeId), or every active store; answers at once and imports after the response",
          parameters: queryParameters(refreshStoreQuerySchema),
          responses: { "200": { description: "{success, message}" }, "404": { description: "No such store", content: json(ref("Error")) }, ...errors },
        },
      },
      "/stores/getrefreshstatus": {
        get: {
          summary: "Whether a store is importing now (refreshStatusId 2 Updating, 1 Idle, 3 Error) and when it last did",
          parameters: queryParameters(refreshStoreQuerySchema.pick({ storeId: true })),
          responses: { "200": { description: "{storeId, refreshStatusId, refreshStatus, lastRefreshAttempt, refreshDate}" }, "404": { description: "No such store", content: json(ref("Error")) }, ...errors },
        },
      },
      "/shipments/getrates": {
        post: {
          summary:
            "One carrier's rates for a parcel (carrierCode: ours or ShipStation's, e.g. stamps_com for USPS). shipmentCost is the base price, otherCost every surcharge; a carrier that cannot quote the parcel answers 400 with its reason",
          requestBody: body(ref("GetRatesInput")),
          responses: { "200": { description: "The carrier's services and prices", content: json({ type: "array", items: ref("Rate") }) }, ...errors },
        },
      },
      "/rates": {
        post: {
          summary: "Every carrier's quotes at once (or carrierCode's), with each price's breakdown, zone, billable weight and delivery days; a carrier that cannot quote is a problem beside the quotes",
          requestBody: body(ref("ParcelInput")),
          responses: {
            "200": { description: "Quotes and problems", content: json({ type: "object", properties: { quotes: { type: "array", items: ref("RateQuote") }, problems: { type: "array", items: ref("RateProblem") } } }) },
            ...errors,
          },
        },
      },
      "/carriers": { get: { summary: "The carriers this account rates with (its rate cards and the configured live carriers), with their services", responses: { "200": { description: "Carriers", content: json({ type: "array", items: ref("Carrier") }) }, ...errors } } },
      "/carriers/getcarrier": { get: { summary: "One carrier", parameters: carrierCodeParameter, responses: { "200": { description: "The carrier", content: json(ref("Carrier")) }, ...errors } } },
      "/carriers/listservices": { get: { summary: "A carrier's services", parameters: carrierCodeParameter, responses: { "200": { description: "Services", content: json({ type: "array", items: ref("CarrierService") }) }, ...errors } } },
      "/carriers/listpackages": { get: { summary: "The packages a carrier's services are priced for", parameters: carrierCodeParameter, responses: { "200": { description: "Packages: {carrierCode, code, name, domestic, international}" }, ...errors } } },
      "/stores": {
        get: {
          summary: "List stores",
          parameters: [{ name: "showInactive", in: "query", required: false, schema: { type: "boolean" } }],
          responses: { "200": { description: "The account's stores" }, ...errors },
        },
      },
    },
  };
}
