import { z } from "zod";

/** A blank optional field is no value: forms post "" for what the merchant left empty. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullish()
    .transform((value) => value || null);

const requiredText = (max: number, message: string) => z.string({ error: message }).trim().min(1, message).max(max, `Use at most ${max} characters.`);

/** A checkbox ("on"), a boolean, or "true"/"false". */
const flag = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .nullish()
  .transform((value) => value === true || value === "on" || value === "true");

/** A ship-from location, as the settings form, the Rates page and the tests give it. */
export const shipFromLocationSchema = z
  .object({
    name: requiredText(100, "Name the location, e.g. \"Warehouse\"."),
    company: optionalText(100),
    street1: requiredText(200, "Enter the street address."),
    street2: optionalText(200),
    city: requiredText(100, "Enter the city."),
    state: optionalText(50),
    postalCode: requiredText(20, "Enter the postal code."),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .nullish()
      .transform((value) => value || "US")
      .pipe(z.string().regex(/^[A-Z]{2}$/, "Use the 2-letter country code, e.g. US.")),
    phone: optionalText(40),
    isDefault: flag,
  })
  .superRefine((location, context) => {
    if (location.country !== "US") return;
    if (!/^\d{5}(-?\d{4})?$/.test(location.postalCode)) context.addIssue({ code: "custom", path: ["postalCode"], message: "Enter a 5-digit ZIP code, e.g. 90210." });
    if (!location.state || !/^[A-Za-z]{2}$/.test(location.state)) context.addIssue({ code: "custom", path: ["state"], message: "Enter the 2-letter state, e.g. CA." });
  })
  .transform((location) => (location.country === "US" && location.state ? { ...location, state: location.state.toUpperCase() } : location));

export type ShipFromLocationInput = z.input<typeof shipFromLocationSchema>;
export type ShipFromLocationFields = z.output<typeof shipFromLocationSchema>;

/** The form's field names, in the order it shows them. */
export const SHIP_FROM_FIELDS = ["name", "company", "street1", "street2", "city", "state", "postalCode", "country", "phone"] as const;
