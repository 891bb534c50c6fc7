import { z } from "zod";
import { ConnectorError } from "../types";
import { message, type Message } from "@/lib/i18n/message";

/**
 * The parts of BigCommerce's v2 Orders answers the import reads. Loose objects: BigCommerce adds
 * fields over time, and only a missing or mistyped field we rely on makes a response malformed.
 * Amounts are decimal strings ("55.9900"); dates are RFC-2822 ("Wed, 05 Dec 2018 20:16:55 +0000").
 */
const amount = z.union([z.string(), z.number()]).nullish();
const text = z.string().nullish();

const address = {
  first_name: text,
  last_name: text,
  company: text,
  street_1: text,
  street_2: text,
  city: text,
  state: text,
  zip: text,
  country: text,
  country_iso2: text,
  phone: text,
  email: text,
};

export const bigcommerceOrderSchema = z.looseObject({
  id: z.number().int(),
  status_id: z.number().int(),
  status: text,
  date_created: z.string(),
  date_modified: z.string(),
  date_shipped: text,
  subtotal_inc_tax: amount,
  shipping_cost_inc_tax: amount,
  total_inc_tax: amount,
  total_tax: amount,
  refunded_amount: amount,
  payment_method: text,
  payment_status: text,
  currency_code: text,
  default_currency_code: text,
  customer_message: text,
  billing_address: z.looseObject(address).nullish(),
  /** Archived in the control panel (v2's DELETE /orders/{id}): listed only with `is_deleted=true`. */
  is_deleted: z.boolean().nullish(),
});
export type BigCommerceOrder = z.infer<typeof bigcommerceOrderSchema>;

export const bigcommerceProductSchema = z.looseObject({
  id: z.number().int(),
  product_id: z.number().int().nullish(),
  name: z.string(),
  sku: text,
  upc: text,
  type: text,
  base_price: amount,
  price_inc_tax: amount,
  weight: amount,
  quantity: z.number(),
  product_options: z.array(z.looseObject({ display_name: text, display_value: text })).nullish(),
});
export type BigCommerceProduct = z.infer<typeof bigcommerceProductSchema>;

export const bigcommerceShippingAddressSchema = z.looseObject({ id: z.number().int(), ...address, shipping_method: text });
export type BigCommerceShippingAddress = z.infer<typeof bigcommerceShippingAddressSchema>;

/** Every entry of a v2 collection checked against its schema; the first bad one names what was wrong. */
export function parseCollection<T>(body: unknown, schema: z.ZodType<T>, what: string | Message): T[] {
  if (!Array.isArray(body)) throw new ConnectorError(message("storeErrors.bigcommerceNotList", { what }), "bad_response");
  return body.map((entry, index) => {
    const parsed = schema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join(".") || "entry";
      throw new ConnectorError(message("storeErrors.bigcommerceShape", { what, entry: index + 1, field, fault: issue?.message ?? "invalid" }), "bad_response");
    }
    return parsed.data;
  });
}
