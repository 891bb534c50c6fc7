import { z } from "zod";
import { apiOrderListQuerySchema, MAX_ORDERS_PER_BATCH } from "@/lib/orders/api-orders";
import { holdUntilSchema, markAsShippedSchema, restoreFromHoldSchema } from "@/lib/orders/api-actions";
import { shipStationOrderInputSchema } from "@/lib/orders/shipstation-order";
import { refreshStoreQuerySchema } from "@/lib/stores/refresh-status";

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
  code: z.enum(["invalid_input", "unauthorized", "not_found", "conflict", "payload_too_large", "rate_limited", "internal"]),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});

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
  "429": { description: "Over the per-key limit; see Retry-After", content: json(ref("Error")) },
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
