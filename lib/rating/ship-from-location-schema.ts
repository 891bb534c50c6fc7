import { z } from "zod";
import { inEnglish, message } from "@/lib/i18n/message";
import { en } from "@/lib/i18n/messages/en";

// Zod keeps a message as text: the English catalog's, which the form reads back into its key (lib/i18n/message.ts).
const said = en.ratingFormErrors;
const atMost = (max: number) => inEnglish(message("ratingFormErrors.atMostCharacters", { max }));

/** A blank optional field is no value: forms post "" for what the merchant left empty. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, atMost(max))
    .nullish()
    .transform((value) => value || null);

const requiredText = (max: number, message: string) => z.string({ error: message }).trim().min(1, message).max(max, atMost(max));

/** A checkbox ("on"), a boolean, or "true"/"false". */
const flag = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .nullish()
  .transform((value) => value === true || value === "on" || value === "true");

/** A ship-from location, as the settings form, the Rates page and the tests give it. */
export const shipFromLocationSchema = z
  .object({
    name: requiredText(100, said.nameLocation),
    company: optionalText(100),
    street1: requiredText(200, said.enterStreet),
    street2: optionalText(200),
    city: requiredText(100, said.enterCity),
    state: optionalText(50),
    postalCode: requiredText(20, said.enterLocationPostalCode),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .nullish()
      .transform((value) => value || "US")
      .pipe(z.string().regex(/^[A-Z]{2}$/, said.locationCountry)),
    phone: optionalText(40),
    isDefault: flag,
  })
  .superRefine((location, context) => {
    if (location.country !== "US") return;
    if (!/^\d{5}(-?\d{4})?$/.test(location.postalCode)) context.addIssue({ code: "custom", path: ["postalCode"], message: said.locationZip });
    if (!location.state || !/^[A-Za-z]{2}$/.test(location.state)) context.addIssue({ code: "custom", path: ["state"], message: said.locationState });
  })
  .transform((location) => (location.country === "US" && location.state ? { ...location, state: location.state.toUpperCase() } : location));

export type ShipFromLocationInput = z.input<typeof shipFromLocationSchema>;
export type ShipFromLocationFields = z.output<typeof shipFromLocationSchema>;

/** The form's field names, in the order it shows them. */
export const SHIP_FROM_FIELDS = ["name", "company", "street1", "street2", "city", "state", "postalCode", "country", "phone"] as const;
