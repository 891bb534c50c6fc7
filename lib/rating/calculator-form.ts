import type { ParcelInput } from "./parcel-schema";

/** A number as a merchant types it: a blank is no value, a decimal comma is a point, anything else NaN (the schema names it). */
function numberOf(text: string | undefined): number | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  return Number(trimmed.replace(",", "."));
}

/**
 * The Rates form's fields (named by the parcel schema's paths: `weight.value`, `dimensions.units`)
 * as the parcel schema's input, from `location`. Dimensions left blank are no dimensions.
 */
export function calculatorParcelInput(fields: Record<string, string | undefined>, location: { postalCode: string; country: string }): ParcelInput {
  const sides = ["length", "width", "height"] as const;
  const anySide = sides.some((side) => fields[`dimensions.${side}`]?.trim());
  return {
    fromPostalCode: location.postalCode,
    fromCountry: location.country,
    toPostalCode: fields.toPostalCode ?? "",
    toCountry: fields.toCountry || "US",
    toCity: fields.toCity,
    toState: fields.toState,
    residential: fields.residential === "on" || fields.residential === "true",
    weight: { value: numberOf(fields["weight.value"]) as number, units: (fields["weight.units"] || "pounds") as ParcelInput["weight"]["units"] },
    dimensions: anySide
      ? {
          length: numberOf(fields["dimensions.length"]) as number,
          width: numberOf(fields["dimensions.width"]) as number,
          height: numberOf(fields["dimensions.height"]) as number,
          units: (fields["dimensions.units"] || "inches") as "inches",
        }
      : null,
    confirmation: (fields.confirmation || "none") as ParcelInput["confirmation"],
    packageCode: fields.packageCode || null,
  };
}
