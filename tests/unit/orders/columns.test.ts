import { describe, expect, it } from "vitest";
import { searchTextOf, toOrderColumns } from "@/lib/orders/columns";
import { normalizedOrderSchema, type NormalizedOrder } from "@/lib/orders/schema";

/** The least an order can be: key, number, status and date. */
function columnsOf(fields: Partial<NormalizedOrder> = {}) {
  return toOrderColumns(normalizedOrderSchema.parse({ orderKey: "k-1", orderNumber: "1001", status: "awaiting_shipment", orderDate: Date.UTC(2026, 10, 1), ...fields }));
}

describe("toOrderColumns", () => {
  it("sets only what the source said, so stored values it left out stay", () => {
    const columns = columnsOf({ customerEmail: "grace@example.com" });

    expect(columns).toEqual({
      order_number: "1001",
      status: "awaiting_shipment",
      order_date: Date.UTC(2026, 10, 1),
      currency: "USD",
      customer_email: "grace@example.com",
    });
    expect(columns).not.toHaveProperty("payment_date");
    expect(columns).not.toHaveProperty("ship_to_name");
    expect(columns).not.toHaveProperty("order_total");
  });

  it("clears a field the source sent as null", () => {
    const columns = columnsOf({ customerNotes: null, paymentDate: null, dimensions: null });

    expect(columns).toMatchObject({ customer_notes: null, payment_date: null, dim_length: null, dim_width: null, dim_height: null, dim_units: null });
  });

  it("clears money to zero, since those columns cannot be empty", () => {
    expect(columnsOf({ amountPaid: null, taxAmount: null, shippingAmount: null })).toMatchObject({ amount_paid: 0, tax_amount: 0, shipping_amount: 0 });
  });

  it("clears every bill-to column when the address is null", () => {
    const columns = columnsOf({ billTo: null });

    const billTo = Object.entries(columns).filter(([column]) => column.startsWith("bill_to_"));
    expect(Object.fromEntries(billTo)).toEqual({
      bill_to_name: null, bill_to_company: null, bill_to_street1: null, bill_to_street2: null, bill_to_street3: null,
      bill_to_city: null, bill_to_state: null, bill_to_postal_code: null, bill_to_country: null, bill_to_phone: null,
      bill_to_residential: null,
    });
    expect(Object.keys(columns).some((column) => column.startsWith("ship_to_"))).toBe(false);
  });

  it("fills the address columns the source sent and blanks the rest of that address", () => {
    const columns = columnsOf({ shipTo: { name: "Grace Hopper", city: "Arlington", country: "US", residential: false } });

    expect(columns).toMatchObject({ ship_to_name: "Grace Hopper", ship_to_city: "Arlington", ship_to_country: "US", ship_to_residential: 0, ship_to_street1: null });
  });

  it("totals the items, tax and shipping when the source gives no order total", () => {
    const columns = columnsOf({
      items: [
        { name: "Blue enamel mug", quantity: 2, unitPrice: 1250 },
        { name: "Earl Grey tea", quantity: 1, unitPrice: 899 },
      ],
      taxAmount: 275,
      shippingAmount: 599,
    });

    expect(columns.order_total).toBe(2 * 1250 + 899 + 275 + 599);
  });

  it("keeps the source's own order total", () => {
    expect(columnsOf({ items: [{ name: "Mug", quantity: 1, unitPrice: 1000 }], orderTotal: 1234 }).order_total).toBe(1234);
  });

  it("stores gift as a flag and extra fields as JSON", () => {
    const columns = columnsOf({ gift: true, extra: { insuranceOptions: { provider: "carrier" } } });

    expect(columns.gift).toBe(1);
    expect(JSON.parse(columns.extra!)).toEqual({ insuranceOptions: { provider: "carrier" } });
  });
});

describe("searchTextOf", () => {
  it("joins the customer's names and email with every item's SKU and name", () => {
    const order = { customer_username: "ghopper", customer_email: "grace@example.com", bill_to_name: "Grace Hopper", ship_to_name: "Ada Lovelace", ship_to_company: "Navy" };
    const items = [{ sku: "MUG-BLUE", name: "Blue enamel mug" }, { sku: null, name: "Gift wrap" }];

    expect(searchTextOf(order, items)).toBe("ghopper grace@example.com Grace Hopper Ada Lovelace Navy MUG-BLUE Blue enamel mug Gift wrap");
  });

  it("leaves out what is missing", () => {
    const order = { customer_username: null, customer_email: null, bill_to_name: null, ship_to_name: "Ada Lovelace", ship_to_company: null };

    expect(searchTextOf(order, [])).toBe("Ada Lovelace");
  });
});
