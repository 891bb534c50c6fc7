"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formValues, saidOf, workspaceAction, type FormState } from "@/lib/http/action-client";
import { localize } from "@/lib/i18n/message";
import { en } from "@/lib/i18n/messages/en";
import { getTimeZone } from "@/lib/i18n/server";
import { deleteShipFromLocation, makeDefaultShipFromLocation, saveShipFromLocation } from "@/lib/rating/ship-from-locations";
import { todayIn } from "@/lib/rating/today";
import { fetchUspsZoneChart, uploadUspsZoneChart } from "@/lib/rating/zone-charts";

const PAGE = "/settings/locations";

export interface LocationFormState extends FormState {
  message?: string;
}

export type LocationRowState = FormState;

export interface ZoneChartState extends FormState {
  message?: string;
}

/** A page of this app to go to after saving (the Rates page asks for the first location inline). */
const redirectSchema = z
  .string()
  .regex(/^\/(?!\/)[\w\-/?=&]*$/)
  .nullable();

/**
 * Saves the form's location (`locationId` null adds one). The lib parses the fields, so their
 * errors come back by field name; a failed USPS chart fetch never fails the save (the list says why).
 */
export const saveLocationAction = workspaceAction(
  {
    input: (locationId: number | null, redirectTo: string | null, _state: LocationFormState, formData: FormData) => ({ locationId, redirectTo, fields: formValues(formData) }),
    schema: z.object({ locationId: z.number().int().positive().nullable(), redirectTo: redirectSchema, fields: z.record(z.string(), z.string()) }),
    errors: { not_found: "locations.errors.notFound" },
  },
  async ({ workspaceId, input, t }): Promise<LocationFormState> => {
    await saveShipFromLocation(workspaceId, input.locationId, input.fields, { today: todayIn(await getTimeZone()) });
    revalidatePath(PAGE);
    if (input.redirectTo) {
      revalidatePath(input.redirectTo.split("?")[0]);
      redirect(input.redirectTo);
    }
    if (input.locationId !== null) redirect(PAGE);
    return { message: t("locations.saved") };
  },
);

const locationRef = z.object({ locationId: z.number().int().positive() });

export const makeDefaultLocationAction = workspaceAction(
  { input: (locationId: number) => ({ locationId }), schema: locationRef, errors: { not_found: "locations.errors.notFound" } },
  async ({ workspaceId, input }): Promise<LocationRowState> => {
    await makeDefaultShipFromLocation(workspaceId, input.locationId);
    revalidatePath(PAGE);
    return {};
  },
);

export const deleteLocationAction = workspaceAction(
  { input: (locationId: number) => ({ locationId }), schema: locationRef, errors: { not_found: "locations.errors.notFound" } },
  async ({ workspaceId, input }): Promise<LocationRowState> => {
    await deleteShipFromLocation(workspaceId, input.locationId);
    revalidatePath(PAGE);
    return {};
  },
);

const originRef = z.object({ originZip3: z.string().regex(/^\d{3}$/) });

/** "Retry" / "Fetch again": today's chart from USPS; the service's failure is the message. */
export const fetchZoneChartAction = workspaceAction(
  { input: (originZip3: string) => ({ originZip3 }), schema: originRef, errors: { invalid_input: saidOf } },
  async ({ workspaceId, input, t }): Promise<ZoneChartState> => {
    const stored = await fetchUspsZoneChart(workspaceId, input.originZip3, todayIn(await getTimeZone()));
    revalidatePath(PAGE);
    return { message: t("locations.fetched", { date: stored.effectiveDate }) };
  },
);

/** The merchant's copy of the service's JSON for this origin. */
export const uploadZoneChartAction = workspaceAction(
  {
    input: (originZip3: string, _state: ZoneChartState, formData: FormData) => ({ originZip3, file: formData.get("file") }),
    schema: originRef.extend({ file: z.instanceof(File, { error: en.zoneChartErrors.chooseFile }) }),
    values: () => undefined,
    // The schema's refusal names the file field; lib's says what is wrong with the chart.
    errors: { invalid_input: (error, t) => (error.key ? saidOf(error, t) : localize(error.fieldErrors?.file?.[0] ?? error.message, t)) },
  },
  async ({ workspaceId, input, t }): Promise<ZoneChartState> => {
    const stored = await uploadUspsZoneChart(workspaceId, await input.file.text(), { originZip3: input.originZip3 });
    revalidatePath(PAGE);
    return { message: t("locations.uploaded", { date: stored.effectiveDate }) };
  },
);
