import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "@/lib/csv/decode";
import { CSV_FIELDS, type FieldKey } from "@/lib/csv/fields";
import { parseCsvText } from "@/lib/csv/parse";
import { headersSignature, missingRequiredFields, normalizeHeader, refineMappingWithRows, suggestMapping, suggestWeightUnit, type ColumnMapping } from "@/lib/csv/suggest-mapping";

const headersOf = (name: string) =>
  parseCsvText(decodeCsvBytes(new Uint8Array(readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url)))).text).headers;

/** The mapping as header → field, for readable expectations. */
function byHeader(headers: readonly string[], mapping: ColumnMapping): Record<string, FieldKey | null> {
  return Object.fromEntries(headers.map((header, index) => [header, mapping[index]]));
}

function suggestedFor(headers: string[]) {
  return byHeader(headers, suggestMapping(headers));
}

describe("suggestMapping", () => {
  it("maps ShipStation's own field names, covering every required field", () => {
    const headers = headersOf("shipstation-export.csv");
    const mapping = suggestMapping(headers);
    expect(byHeader(headers, mapping)).toEqual({
      "Order - Number": "orderNumber",
      "Order - Status": "status",
      "Date - Order Date": "orderDate",
      "Date - Paid Date": "paymentDate",
      "Customer - Email": "customerEmail",
      "Ship To - Name": "shipTo.name",
      "Ship To - Company": "shipTo.company",
      "Ship To - Address 1": "shipTo.street1",
      "Ship To - Address 2": "shipTo.street2",
      "Ship To - Address 3": "shipTo.street3",
      "Ship To - City": "shipTo.city",
      "Ship To - State": "shipTo.state",
      "Ship To - Postal Code": "shipTo.postalCode",
      "Ship To - Country": "shipTo.country",
      "Ship To - Phone": "shipTo.phone",
      "Item - SKU": "item.sku",
      "Item - Name": "item.name",
      "Item - Qty": "item.quantity",
      "Item - Unit Price": "item.unitPrice",
      "Item - Options": "item.options",
      "Amount - Order Total": "orderTotal",
      "Amount Paid": "amountPaid",
      "Tax Paid": "taxAmount",
      "Shipping Paid": "shippingAmount",
      "Requested Service": "requestedShippingService",
      "Notes - From Buyer": "customerNotes",
      "Notes - Internal": "internalNotes",
      "Gift - Flag": "gift",
      "Gift - Message": "giftMessage",
      "Custom - Field 1": "customField1",
      "Custom - Field 2": "customField2",
      "Custom - Field 3": "customField3",
      "Bill To - Name": "billTo.name",
    });
    expect(missingRequiredFields(mapping)).toEqual([]);
  });

  it("maps ShipStation's import template spellings", () => {
    expect(
      suggestedFor(["Order Number", "Order Date", "Order Status", "Ship To - State/Province", "Ship To - Email", "Total Weight in Oz", "Notes - From Customer", "Order ID (required)", "Order Value"]),
    ).toEqual({
      "Order Number": "orderNumber",
      "Order Date": "orderDate",
      "Order Status": "status",
      "Ship To - State/Province": "shipTo.state",
      "Ship To - Email": "customerEmail",
      "Total Weight in Oz": "weight",
      "Notes - From Customer": "customerNotes",
      "Order ID (required)": null,
      "Order Value": "orderTotal",
    });
  });

  it("maps Shopify's order export: Name is the order number, Address1 beats Street", () => {
    const headers = headersOf("shopify-export.csv");
    const mapping = suggestMapping(headers);
    const suggested = byHeader(headers, mapping);
    expect(suggested).toMatchObject({
      Name: "orderNumber",
      Email: "customerEmail",
      "Financial Status": "paymentStatus",
      "Paid at": "paymentDate",
      "Fulfillment Status": "status",
      Currency: "currency",
      Subtotal: null,
      Shipping: "shippingAmount",
      Taxes: "taxAmount",
      Total: "orderTotal",
      "Shipping Method": "requestedShippingService",
      "Created at": "orderDate",
      "Lineitem quantity": "item.quantity",
      "Lineitem name": "item.name",
      "Lineitem price": "item.unitPrice",
      "Lineitem compare at price": null,
      "Lineitem sku": "item.sku",
      "Billing Name": "billTo.name",
      "Billing Street": null,
      "Billing Address1": "billTo.street1",
      "Billing Address2": "billTo.street2",
      "Billing Zip": "billTo.postalCode",
      "Billing Province": "billTo.state",
      "Shipping Name": "shipTo.name",
      "Shipping Street": null,
      "Shipping Address1": "shipTo.street1",
      "Shipping Address2": "shipTo.street2",
      "Shipping Company": "shipTo.company",
      "Shipping City": "shipTo.city",
      "Shipping Zip": "shipTo.postalCode",
      "Shipping Province": "shipTo.state",
      "Shipping Country": "shipTo.country",
      "Shipping Phone": "shipTo.phone",
      Notes: "customerNotes",
      Id: null,
      Phone: null,
      "Shipping Province Name": null,
    });
    expect(missingRequiredFields(mapping)).toEqual([]);
  });

  it("falls back to Shopify's Street when Address1 is not exported, and reads its Financial Status as the payment status", () => {
    expect(suggestedFor(["Name", "Financial Status", "Shipping Street", "Lineitem name"])).toEqual({
      Name: "orderNumber",
      "Financial Status": "paymentStatus",
      "Shipping Street": "shipTo.street1",
      "Lineitem name": "item.name",
    });
  });

  it("maps WooCommerce's Advanced Order Export defaults, with the name in two columns", () => {
    const headers = headersOf("woocommerce-advanced-order-export.csv");
    const mapping = suggestMapping(headers);
    expect(byHeader(headers, mapping)).toMatchObject({
      "Order Number": "orderNumber",
      "Order Status": "status",
      "Order Date": "orderDate",
      "Customer Note": "customerNotes",
      "First Name (Billing)": "billTo.firstName",
      "Last Name (Billing)": "billTo.lastName",
      "Email (Billing)": "customerEmail",
      "Phone (Billing)": "billTo.phone",
      "First Name (Shipping)": "shipTo.firstName",
      "Last Name (Shipping)": "shipTo.lastName",
      "Address 1&2 (Shipping)": "shipTo.street1",
      "City (Shipping)": "shipTo.city",
      "State Code (Shipping)": "shipTo.state",
      "Postcode (Shipping)": "shipTo.postalCode",
      "Country Code (Shipping)": "shipTo.country",
      "Shipping Method Title": "requestedShippingService",
      "Order Shipping Amount": "shippingAmount",
      "Order Total Amount": "orderTotal",
      "Order Total Tax Amount": "taxAmount",
      "Item #": null,
      SKU: "item.sku",
      "Item Name": "item.name",
      Quantity: "item.quantity",
      "Item Cost": "item.unitPrice",
      "Coupon Code": null,
    });
    expect(missingRequiredFields(mapping)).toEqual([]);
  });

  it("maps WooCommerce's Customer / Order / Coupon Export columns; order_number beats order_id", () => {
    const headers = headersOf("woocommerce-customer-order-export.csv");
    const mapping = suggestMapping(headers);
    expect(byHeader(headers, mapping)).toMatchObject({
      order_id: null,
      order_number: "orderNumber",
      date: "orderDate",
      status: "status",
      shipping_total: "shippingAmount",
      shipping_tax_total: null,
      tax_total: "taxAmount",
      order_total: "orderTotal",
      order_currency: "currency",
      shipping_method: "requestedShippingService",
      billing_email: "customerEmail",
      shipping_first_name: "shipTo.firstName",
      shipping_last_name: "shipTo.lastName",
      shipping_address_1: "shipTo.street1",
      shipping_address_2: "shipTo.street2",
      shipping_postcode: "shipTo.postalCode",
      shipping_city: "shipTo.city",
      shipping_state: "shipTo.state",
      shipping_country: "shipTo.country",
      shipping_company: "shipTo.company",
      customer_note: "customerNotes",
      item_id: "item.lineItemKey",
      item_name: "item.name",
      item_sku: "item.sku",
      item_quantity: "item.quantity",
      item_total: null,
      item_meta: "item.options",
      order_notes: "internalNotes",
    });
    expect(missingRequiredFields(mapping)).toEqual([]);
  });

  it("maps WooCommerce columns written as titles", () => {
    const headers = [
      "Order ID", "Order Number", "Order Date", "Order Status", "Shipping First Name", "Shipping Last Name", "Shipping Address 1",
      "Shipping City", "Shipping State", "Shipping Postcode", "Shipping Country", "Billing Email", "Item Name", "SKU", "Quantity",
      "Item Cost", "Order Shipping Amount", "Order Tax Amount",
    ];
    const mapping = suggestMapping(headers);
    expect(byHeader(headers, mapping)).toEqual({
      "Order ID": null,
      "Order Number": "orderNumber",
      "Order Date": "orderDate",
      "Order Status": "status",
      "Shipping First Name": "shipTo.firstName",
      "Shipping Last Name": "shipTo.lastName",
      "Shipping Address 1": "shipTo.street1",
      "Shipping City": "shipTo.city",
      "Shipping State": "shipTo.state",
      "Shipping Postcode": "shipTo.postalCode",
      "Shipping Country": "shipTo.country",
      "Billing Email": "customerEmail",
      "Item Name": "item.name",
      SKU: "item.sku",
      Quantity: "item.quantity",
      "Item Cost": "item.unitPrice",
      "Order Shipping Amount": "shippingAmount",
      "Order Tax Amount": "taxAmount",
    });
    expect(missingRequiredFields(mapping)).toEqual([]);
  });

  it("uses Order ID as the order number when there is no Order Number column", () => {
    expect(suggestedFor(["Order ID", "SKU"])).toEqual({ "Order ID": "orderNumber", SKU: "item.sku" });
  });

  it("understands common spellings of the same header", () => {
    for (const header of ["Order #", "Order No", "Order No.", "Order Nr", "order_number", "OrderNumber", "ORDER NUMBER", " Order  Number ", "Order Num"]) {
      expect(suggestMapping([header]), header).toEqual({ 0: "orderNumber" });
    }
    const spellings: [string, FieldKey][] = [
      ["Recipient", "shipTo.name"],
      ["Recipient Name", "shipTo.name"],
      ["Zip", "shipTo.postalCode"],
      ["Postcode", "shipTo.postalCode"],
      ["ZIP/Postal Code", "shipTo.postalCode"],
      ["Qty", "item.quantity"],
      ["Price", "item.unitPrice"],
      ["Address Line 1", "shipTo.street1"],
      ["ShipToCity", "shipTo.city"],
      ["ship_to_state", "shipTo.state"],
      ["Weight (oz)", "weight"],
      ["Total (EUR)", "orderTotal"],
      ["E-mail", "customerEmail"],
      ["Shipping Method", "requestedShippingService"],
      ["Ship By Date", "shipByDate"],
      ["Gift Wrap?", "gift"],
    ];
    for (const [header, field] of spellings) expect(suggestMapping([header])[0], header).toBe(field);
  });

  it("reads a bare Name as the recipient outside Shopify", () => {
    expect(suggestedFor(["Order Number", "Name", "Address", "City"])).toEqual({
      "Order Number": "orderNumber",
      Name: "shipTo.name",
      Address: "shipTo.street1",
      City: "shipTo.city",
    });
  });

  it("never maps two columns to one field: the first wins, but an exact name beats a loose one", () => {
    expect(suggestedFor(["Order Number", "Order #", "Qty", "Quantity"])).toEqual({
      "Order Number": "orderNumber",
      "Order #": null,
      Qty: "item.quantity",
      Quantity: null,
    });
    expect(suggestedFor(["City", "Ship To - City", "Billing City"])).toEqual({
      City: null,
      "Ship To - City": "shipTo.city",
      "Billing City": "billTo.city",
    });
    const mapping = suggestMapping(headersOf("shopify-export.csv"));
    const fields = Object.values(mapping).filter((field) => field !== null);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it("has an entry, null when nothing fits, for every column", () => {
    expect(suggestMapping(["Favourite colour", "", "Column 3", "SKU"])).toEqual({ 0: null, 1: null, 2: null, 3: "item.sku" });
    expect(suggestMapping([])).toEqual({});
  });
});

describe("normalizeHeader", () => {
  it("reduces a header to plain words", () => {
    expect(normalizeHeader("Order #")).toBe("order number");
    expect(normalizeHeader("Order No.")).toBe("order number");
    expect(normalizeHeader("Ship To - Address 1")).toBe("ship to address 1");
    expect(normalizeHeader("ShipTo_ZipCode")).toBe("ship to zip code");
    expect(normalizeHeader("City (Shipping)")).toBe("shipping city");
    expect(normalizeHeader("Order ID (required)")).toBe("order id");
    expect(normalizeHeader("Téléphone")).toBe("telephone");
  });
});

describe("missingRequiredFields", () => {
  it("lists every required field for an empty mapping", () => {
    expect(missingRequiredFields({})).toEqual(CSV_FIELDS.filter((field) => field.required).map((field) => field.key));
  });

  it("counts either half of a split name for the whole name, for that address only", () => {
    const base: ColumnMapping = {
      0: "orderNumber",
      1: "orderDate",
      2: "shipTo.street1",
      3: "shipTo.city",
      4: "shipTo.postalCode",
      5: "shipTo.country",
      6: "item.name",
      7: "item.quantity",
    };
    expect(missingRequiredFields(base)).toEqual(["shipTo.name"]);
    expect(missingRequiredFields({ ...base, 8: "shipTo.lastName" })).toEqual([]);
    expect(missingRequiredFields({ ...base, 8: "shipTo.firstName", 9: null })).toEqual([]);
    expect(missingRequiredFields({ ...base, 8: "billTo.firstName", 9: "billTo.name" })).toEqual(["shipTo.name"]);
  });
});

describe("headersSignature", () => {
  const shopify = headersOf("shopify-export.csv");

  it("is the same for the same headers, whatever their case and spacing", () => {
    expect(headersSignature(["Order Number", "SKU", "Qty"])).toBe(headersSignature(["order number ", " sku", "QTY"]));
    expect(headersSignature(["Order  Number"])).toBe(headersSignature(["order number"]));
    expect(headersSignature(shopify)).toBe(headersSignature(shopify.map((header) => header.toUpperCase())));
  });

  it("changes when a column is renamed, added, removed or moved", () => {
    const base = headersSignature(["Order Number", "SKU", "Qty"]);
    expect(headersSignature(["Order Number", "SKU", "Quantity"])).not.toBe(base);
    expect(headersSignature(["Order Number", "SKU", "Qty", "Price"])).not.toBe(base);
    expect(headersSignature(["Order Number", "SKU"])).not.toBe(base);
    expect(headersSignature(["SKU", "Order Number", "Qty"])).not.toBe(base);
    expect(headersSignature(["Order Number,SKU", "Qty"])).not.toBe(headersSignature(["Order Number", "SKU,Qty"]));
  });

  it("is stable across runs and runtimes, so saved mappings keep matching", () => {
    expect(headersSignature(["Order Number", "SKU", "Qty"])).toBe("3-m22766n2ao");
    expect(headersSignature([])).toMatch(/^0-[0-9a-z]+$/);
  });
});

describe("suggestions for files from shops in other languages", () => {
  it("maps a German shop's export, covering every required field", () => {
    const headers = ["Bestellnummer", "Datum", "Empfänger", "Straße", "PLZ", "Ort", "Land", "Artikelname", "Menge", "Preis", "Gewicht (g)", "Versandkosten", "Gesamtbetrag", "E-Mail"];
    const mapping = suggestMapping(headers);
    expect(byHeader(headers, mapping)).toEqual({
      Bestellnummer: "orderNumber", Datum: "orderDate", Empfänger: "shipTo.name", Straße: "shipTo.street1", PLZ: "shipTo.postalCode", Ort: "shipTo.city",
      Land: "shipTo.country", Artikelname: "item.name", Menge: "item.quantity", Preis: "item.unitPrice", "Gewicht (g)": "weight",
      Versandkosten: "shippingAmount", Gesamtbetrag: "orderTotal", "E-Mail": "customerEmail",
    });
    expect(missingRequiredFields(mapping)).toEqual([]);
    expect(suggestWeightUnit(headers, mapping)).toBe("grams");
  });

  it("maps French and Spanish headers", () => {
    expect(suggestedFor(["Numéro de commande", "Date de commande", "Destinataire", "Adresse", "Code postal", "Ville", "Pays", "Produit", "Quantité", "Prix unitaire", "Poids (kg)"])).toEqual({
      "Numéro de commande": "orderNumber", "Date de commande": "orderDate", Destinataire: "shipTo.name", Adresse: "shipTo.street1", "Code postal": "shipTo.postalCode",
      Ville: "shipTo.city", Pays: "shipTo.country", Produit: "item.name", Quantité: "item.quantity", "Prix unitaire": "item.unitPrice", "Poids (kg)": "weight",
    });
    expect(suggestedFor(["Número de pedido", "Fecha del pedido", "Destinatario", "Dirección", "Código postal", "Ciudad", "País", "Producto", "Cantidad", "Precio", "Peso"])).toEqual({
      "Número de pedido": "orderNumber", "Fecha del pedido": "orderDate", Destinatario: "shipTo.name", Dirección: "shipTo.street1", "Código postal": "shipTo.postalCode",
      Ciudad: "shipTo.city", País: "shipTo.country", Producto: "item.name", Cantidad: "item.quantity", Precio: "item.unitPrice", Peso: "weight",
    });
  });

  it("reads the unit a weight header names, and only when the weight headers agree", () => {
    const headers = ["Order Number", "Weight (kg)", "Item Weight [lb]"];
    expect(suggestWeightUnit(headers, { 0: "orderNumber", 1: "weight", 2: null })).toBe("kilograms");
    expect(suggestWeightUnit(headers, { 0: "orderNumber", 1: "weight", 2: "item.weight" })).toBeNull();
    expect(suggestWeightUnit(["Weight in lb"], { 0: "weight" })).toBe("pounds");
    expect(suggestWeightUnit(["Weight"], { 0: "weight" })).toBeNull();
  });
});

describe("refineMappingWithRows", () => {
  const headers = ["Order #", "Item SKU", "Weight (oz)"];
  it("makes a weight column that differs between one order's rows each item's weight", () => {
    const mapping = suggestMapping(headers);
    expect(mapping[2]).toBe("weight");
    const refined = refineMappingWithRows(mapping, [["1001", "MUG", "12"], ["1001", "TEA", "4"], ["1002", "MUG", "12"]]);
    expect(refined[2]).toBe("item.weight");
  });

  it("keeps the order's weight when every order's rows agree on it", () => {
    const mapping = suggestMapping(headers);
    expect(refineMappingWithRows(mapping, [["1001", "MUG", "16"], ["1001", "TEA", "16"], ["1002", "MUG", "12"]])[2]).toBe("weight");
  });
});
