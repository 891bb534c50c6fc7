import { z } from "zod";
import { inEnglish, message } from "@/lib/i18n/message";
import { en } from "@/lib/i18n/messages/en";
import { toOunces, WEIGHT_UNITS } from "@/lib/weights";
import { CONFIRMATIONS, type Parcel } from "./types";

export const DIMENSION_UNITS = ["inches", "centimeters"] as const;
export type DimensionUnit = (typeof DIMENSION_UNITS)[number];

/** Past these a parcel is freight, not a parcel; bounding them keeps every computed price finite. */
export const MAX_PARCEL_WEIGHT_OZ = 150 * 16 * 10;
export const MAX_PARCEL_SIDE_IN = 300;

const CM_PER_INCH = 2.54;

// Zod keeps a message as text: the English catalog's, which forms read back into its key (lib/i18n/message.ts).
const said = en.ratingFormErrors;
const useOneOf = (choices: readonly string[]) => inEnglish(message("ratingFormErrors.useOneOf", { choices: choices.join(", ") }));

const postalCode = z.string().trim().min(1, said.enterPostalCode).max(20, said.atMost20);
const country = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, said.isoCountry));
const optionalText = z
  .string()
  .trim()
  .max(100, said.atMost100)
  .nullish()
  .transform((value) => value || null);
const side = z.number({ error: said.enterNumber }).finite().positive(said.moreThanZero);

/**
 * A parcel as the calculator, the API (ShipStation's getrates shape: weight {value, units},
 * dimensions {length, width, height, units}) and an order describe it; parsed into ounces and inches.
 */
export const parcelInputSchema = z
  .object({
    fromPostalCode: postalCode,
    fromCountry: country.default("US"),
    toPostalCode: postalCode,
    toCountry: country,
    toCity: optionalText,
    toState: optionalText,
    residential: z.boolean().nullish(),
    weight: z.object({
      value: z.number({ error: said.weightNumber }).finite().positive(said.weightMoreThanZero),
      units: z.enum(WEIGHT_UNITS, { error: useOneOf(WEIGHT_UNITS) }),
    }),
    dimensions: z
      .object({
        length: side,
        width: side,
        height: side,
        units: z.enum(DIMENSION_UNITS, { error: useOneOf(DIMENSION_UNITS) }),
      })
      .nullish(),
    confirmation: z.enum(CONFIRMATIONS, { error: useOneOf(CONFIRMATIONS) }).nullish(),
    packageCode: optionalText,
    shipDate: z.iso.date(said.useIsoDate).nullish(),
    carrierCode: optionalText,
    serviceCode: optionalText,
  })
  .superRefine((input, context) => {
    if (input.fromCountry === "US" && !/^\d{5}(-?\d{4})?$/.test(input.fromPostalCode)) {
      context.addIssue({ code: "custom", path: ["fromPostalCode"], message: said.usZip });
    }
    if (input.toCountry === "US" && !/^\d{5}(-?\d{4})?$/.test(input.toPostalCode)) {
      context.addIssue({ code: "custom", path: ["toPostalCode"], message: said.usZip });
    }
    if (toOunces(input.weight.value, input.weight.units) > MAX_PARCEL_WEIGHT_OZ) {
      context.addIssue({ code: "custom", path: ["weight", "value"], message: inEnglish(message("ratingFormErrors.parcelTooHeavy", { max: MAX_PARCEL_WEIGHT_OZ / 16 })) });
    }
    const dimensions = input.dimensions;
    if (dimensions) {
      const factor = dimensions.units === "centimeters" ? 1 / CM_PER_INCH : 1;
      for (const key of ["length", "width", "height"] as const) {
        if (dimensions[key] * factor > MAX_PARCEL_SIDE_IN) {
          context.addIssue({ code: "custom", path: ["dimensions", key], message: inEnglish(message("ratingFormErrors.sideTooLong", { max: MAX_PARCEL_SIDE_IN })) });
        }
      }
    }
  });

export type ParcelInput = z.input<typeof parcelInputSchema>;

/** The parsed input as a Parcel: ounces, inches, ZIP+4 cut to 5 digits, today's date by default. */
export function toParcel(input: z.output<typeof parcelInputSchema>, today: string): Parcel {
  const dimensions = input.dimensions;
  const inches = (value: number) => (dimensions?.units === "centimeters" ? Math.round((value / CM_PER_INCH) * 1000) / 1000 : value);
  const usZip = (code: string, countryCode: string) => (countryCode === "US" ? code.slice(0, 5) : code.toUpperCase());
  return {
    fromPostalCode: usZip(input.fromPostalCode, input.fromCountry),
    fromCountry: input.fromCountry,
    toPostalCode: usZip(input.toPostalCode, input.toCountry),
    toCountry: input.toCountry,
    toCity: input.toCity,
    toState: input.toState,
    residential: input.residential ?? false,
    weightOz: toOunces(input.weight.value, input.weight.units),
    dimensions: dimensions ? { lengthIn: inches(dimensions.length), widthIn: inches(dimensions.width), heightIn: inches(dimensions.height) } : null,
    confirmation: input.confirmation ?? "none",
    packageCode: input.packageCode ?? "package",
    shipDate: input.shipDate ?? today,
    carrierCode: input.carrierCode,
    serviceCode: input.serviceCode,
  };
}
