"use server";

import { z } from "zod";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { workspaceAction, type FormState } from "@/lib/http/action-client";
import { getTimeZone } from "@/lib/i18n/server";
import { calculatorParcelInput } from "@/lib/rating/calculator-form";
import { parcelInputSchema, toParcel } from "@/lib/rating/parcel-schema";
import { quoteRates } from "@/lib/rating/quote-rates";
import { getShipFromLocation } from "@/lib/rating/ship-from-locations";
import { todayIn } from "@/lib/rating/today";
import type { RateResult } from "@/lib/rating/types";

export interface RatesFormState extends FormState {
  result?: RateResult;
}

const calculatorSchema = z.object({
  locationId: z.coerce.number({ error: "Choose a ship-from location" }).int().positive("Choose a ship-from location"),
  fields: z.record(z.string(), z.string()),
});

/** The calculator: the form's parcel from the chosen ship-from location, every carrier's quotes for it. */
export const quoteRatesAction = workspaceAction(
  {
    input: (_state: RatesFormState, formData: FormData) => {
      const fields = Object.fromEntries([...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
      return { locationId: fields.locationId, fields };
    },
    schema: calculatorSchema,
    fieldErrors: {
      locationId: "rates.errors.locationId",
      toPostalCode: "rates.errors.toPostalCode",
      toCountry: "rates.errors.toCountry",
      toCity: "rates.errors.toCity",
      toState: "rates.errors.toState",
      "weight.value": "rates.errors.weight",
      "dimensions.length": "rates.errors.dimension",
      "dimensions.width": "rates.errors.dimension",
      "dimensions.height": "rates.errors.dimension",
    },
  },
  async ({ workspaceId, input, values }): Promise<RatesFormState> => {
    const location = await getShipFromLocation(workspaceId, input.locationId).catch(() => null);
    if (!location) throw new AppError("invalid_input", "Choose a ship-from location", { locationId: ["Choose a ship-from location"] });
    const parsed = parcelInputSchema.safeParse(calculatorParcelInput(input.fields, location));
    if (!parsed.success) {
      // The origin comes from the location: its problems are the location's field's.
      const fieldErrors = fieldErrorsOf(parsed.error.issues.map((issue) => (String(issue.path[0]).startsWith("from") ? { ...issue, path: ["locationId"] } : issue)));
      throw new AppError("invalid_input", "Check the highlighted fields.", fieldErrors);
    }
    const result = await quoteRates(workspaceId, toParcel(parsed.data, todayIn(await getTimeZone())));
    return { result, values };
  },
);
