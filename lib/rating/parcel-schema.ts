import { z } from "zod";
import { toOunces, WEIGHT_UNITS } from "@/lib/weights";
import { CONFIRMATIONS, type Parcel } from "./types";

export const DIMENSION_UNITS = ["inches", "centimeters"] as const;
export type DimensionUnit = (typeof DIMENSION_UNITS)[number];

/** Past these a parcel is freight, not a parcel; bounding them keeps every computed price finite. */
export const MAX_PARCEL_WEIGHT_OZ = 150 * 16 * 10;
export const MAX_PARCEL_SIDE_IN = 300;

const CM_PER_INCH = 2.54;

const postalCode = z.string().trim().min(1, "Enter a postal code").max(20, "Use at most 20 characters");
const country = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, "Use a two-letter ISO country code, such as US"));
const optionalText = z
  .string()
  .trim()
  .max(100, "Use at most 100 characters")
  .nullish()
  .transform((value) => value || null);
const side = z.number({ error: "Enter a number" }).finite().positive("Must be more than 0");

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
      value: z.number({ error: "Enter the weight as a number" }).finite().positive("The weight must be more than 0"),
      units: z.enum(WEIGHT_UNITS, { error: `Use one of ${WEIGHT_UNITS.join(", ")}` }),
    }),
    dimensions: z
      .object({
        length: side,
        width: side,
        height: side,
        units: z.enum(DIMENSION_UNITS, { error: `Use one of ${DIMENSION_UNITS.join(", ")}` }),
      })
      .nullish(),
    confirmation: z.enum(CONFIRMATIONS, { error: `Use one of ${CONFIRMATIONS.join(", ")}` }).nullish(),
    packageCode: optionalText,
    shipDate: z.iso.date("Use a date as YYYY-MM-DD").nullish(),
    carrierCode: optionalText,
    serviceCode: optionalText,
  })
  .superRefine((input, context) => {
    if (input.fromCountry === "US" && !/^\d{5}(-?\d{4})?$/.test(input.fromPostalCode)) {
      context.addIssue({ code: "custom", path: ["fromPostalCode"], message: "Use a 5-digit US ZIP code" });
    }
    if (input.toCountry === "US" && !/^\d{5}(-?\d{4})?$/.test(input.toPostalCode)) {
      context.addIssue({ code: "custom", path: ["toPostalCode"], message: "Use a 5-digit US ZIP code" });
    }
    if (toOunces(input.weight.value, input.weight.units) > MAX_PARCEL_WEIGHT_OZ) {
      context.addIssue({ code: "custom", path: ["weight", "value"], message: `A parcel weighs at most ${MAX_PARCEL_WEIGHT_OZ / 16} lb` });
    }
    const dimensions = input.dimensions;
    if (dimensions) {
      const factor = dimensions.units === "centimeters" ? 1 / CM_PER_INCH : 1;
      for (const key of ["length", "width", "height"] as const) {
        if (dimensions[key] * factor > MAX_PARCEL_SIDE_IN) {
          context.addIssue({ code: "custom", path: ["dimensions", key], message: `A side is at most ${MAX_PARCEL_SIDE_IN} in` });
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
