import { describe, expect, it } from "vitest";
import { CSV_FIELDS, csvField, isFieldKey } from "@/lib/csv/fields";
import { columnMappingSchema } from "@/lib/csv/mapping-schema";
import { en } from "@/lib/i18n/messages/en";

const keysWhere = (keep: (field: (typeof CSV_FIELDS)[number]) => unknown) => CSV_FIELDS.filter(keep).map((field) => field.key);

describe("the CSV field catalogue", () => {
  it("lists each field once, and knows only those", () => {
    const keys = CSV_FIELDS.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every(isFieldKey)).toBe(true);
    expect(keys.every((key) => csvField(key).key === key)).toBe(true);
    expect([isFieldKey("shipTo.nickname"), isFieldKey("item.weightOz"), isFieldKey(""), isFieldKey(3), isFieldKey(null)]).toEqual([false, false, false, false, false]);
  });

  it("gives every field a label, as the import page shows it in English, and a way to read its cells", () => {
    const pageLabel = (key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en.csv.fields);
    for (const field of CSV_FIELDS) {
      expect(field.label, field.key).toBe(pageLabel(field.key));
      expect(field.kind, field.key).toBeTruthy();
    }
    expect(keysWhere((field) => field.target === null)).toEqual(["paymentStatus", "weightUnit"]);
  });

  it("requires what an order needs to be shipped", () => {
    expect(keysWhere((field) => field.required)).toEqual([
      "orderNumber", "orderDate", "shipTo.name", "shipTo.street1", "shipTo.city", "shipTo.postalCode", "shipTo.country", "item.name", "item.quantity",
    ]);
  });

  it("lists the item fields after the order's, the ones only our export writes last", () => {
    const levels = CSV_FIELDS.map((field) => field.level);
    expect(levels.indexOf("item")).toBe(levels.lastIndexOf("order") + 1);
    expect(keysWhere((field) => field.level === "item")).toEqual([
      "item.sku", "item.name", "item.quantity", "item.unitPrice", "item.weight", "item.imageUrl", "item.options", "item.lineItemKey",
      "item.taxAmount", "item.shippingAmount", "item.warehouseLocation", "item.productId", "item.fulfillmentSku", "item.upc", "item.adjustment",
    ]);
    expect(keysWhere((field) => field.exportOnly)).toEqual([
      "item.taxAmount", "item.shippingAmount", "item.warehouseLocation", "item.productId", "item.fulfillmentSku", "item.upc", "item.adjustment",
    ]);
    expect(CSV_FIELDS.filter((field) => field.exportOnly).some((field) => field.required || field.level !== "item")).toBe(false);
  });

  it("has name parts that stand in for the name, and the same parts for both addresses", () => {
    expect(CSV_FIELDS.filter((field) => field.partOf).map((field) => [field.key, field.partOf, field.target])).toEqual([
      ["shipTo.firstName", "shipTo.name", "shipTo.name"],
      ["shipTo.lastName", "shipTo.name", "shipTo.name"],
      ["billTo.firstName", "billTo.name", "billTo.name"],
      ["billTo.lastName", "billTo.name", "billTo.name"],
    ]);
    const partsOf = (owner: string) => keysWhere((field) => field.key.startsWith(`${owner}.`)).map((key) => key.slice(owner.length + 1));
    expect(partsOf("billTo")).toEqual(partsOf("shipTo"));
    expect(keysWhere((field) => field.key.startsWith("billTo.") && field.required)).toEqual([]);
  });
});

describe("columnMappingSchema", () => {
  it("accepts any field of the catalogue, the export's own item fields included, and columns left out", () => {
    const mapping = { 0: "orderNumber", 1: "item.upc", 2: "item.adjustment", 3: "shipTo.firstName", 4: null };
    expect(columnMappingSchema.parse(mapping)).toEqual({ 0: "orderNumber", 1: "item.upc", 2: "item.adjustment", 3: "shipTo.firstName", 4: null });
  });

  it("refuses a field it does not know, and columns that are not numbers", () => {
    const unknown = columnMappingSchema.safeParse({ 0: "orderNumber", 1: "item.colour" });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["1", "Not a field a column can be mapped to"]]);
    expect(columnMappingSchema.safeParse({ first: "orderNumber" }).success).toBe(false);
  });
});
