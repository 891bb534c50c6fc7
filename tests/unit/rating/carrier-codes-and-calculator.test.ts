import { describe, expect, it } from "vitest";
import { calculatorParcelInput } from "@/lib/rating/calculator-form";
import { toRatingCarrierCode } from "@/lib/rating/carrier-codes";
import { parcelInputSchema, toParcel } from "@/lib/rating/parcel-schema";

describe("ShipStation's carrier codes", () => {
  it("name our carriers, and any other code is a rate card's own", () => {
    expect(["stamps_com", "usps", "endicia", "express_1", " USPS "].map(toRatingCarrierCode)).toEqual(["usps", "usps", "usps", "usps", "usps"]);
    expect(["ups", "ups_walleted", "fedex", "fedex_walleted"].map(toRatingCarrierCode)).toEqual(["ups", "ups", "fedex", "fedex"]);
    expect(toRatingCarrierCode("Sample")).toBe("sample");
  });
});

describe("the Rates form's fields", () => {
  const location = { postalCode: "90210", country: "US" };

  it("become a parcel: decimal commas read, blank dimensions are none, residential from the checkbox", () => {
    const input = calculatorParcelInput({ toPostalCode: "10001", toCountry: "us", "weight.value": "1,5", "weight.units": "kilograms", residential: "on" }, location);
    const parcel = toParcel(parcelInputSchema.parse(input), "2026-12-07");
    expect(parcel).toMatchObject({ fromPostalCode: "90210", toPostalCode: "10001", toCountry: "US", residential: true, weightOz: 52.911, dimensions: null, confirmation: "none", packageCode: "package" });
  });

  it("name each wrong field by the form's own name", () => {
    const input = calculatorParcelInput({ toPostalCode: "", "weight.value": "heavy", "dimensions.length": "10", "dimensions.units": "centimeters" }, location);
    const result = parcelInputSchema.safeParse(input);
    const fields = result.error!.issues.map((issue) => issue.path.join("."));
    expect(fields.sort()).toEqual(["dimensions.height", "dimensions.width", "toPostalCode", "weight.value"]);
  });
});
