import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/http/openapi";

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument("https://shipdeck.example");

  it("is OpenAPI 3.1 with Basic auth and every ShipStation path the API serves", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.basicAuth).toEqual({ type: "http", scheme: "basic" });
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        "/orders", "/orders/createorder", "/orders/createorders", "/orders/holduntil", "/orders/markasshipped", "/orders/restorefromhold",
        "/orders/{orderId}", "/stores", "/stores/getrefreshstatus", "/stores/refreshstore",
        "/shipments/getrates", "/rates", "/carriers", "/carriers/getcarrier", "/carriers/listservices", "/carriers/listpackages",
      ].sort(),
    );
    expect(document.servers[0].url).toBe("https://shipdeck.example/api/v1");
  });

  it("describes the order from the same schema the routes validate with", () => {
    const order = document.components.schemas.OrderInput as { properties: Record<string, { enum?: string[] }>; required?: string[] };
    expect(order.required).toEqual(expect.arrayContaining(["orderNumber", "orderDate", "orderStatus", "billTo", "shipTo"]));
    expect(Object.keys(order.properties)).toEqual(expect.arrayContaining(["orderKey", "items", "advancedOptions", "weight", "dimensions", "internationalOptions"]));
    expect(order.properties.orderStatus.enum).toContain("awaiting_shipment");
    const parameters = document.paths["/orders"].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(parameters).toEqual(expect.arrayContaining(["customerName", "itemKeyword", "orderDateStart", "sortBy", "sortDir", "page", "pageSize"]));
  });
});
