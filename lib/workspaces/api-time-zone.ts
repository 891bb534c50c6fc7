import { z } from "zod";
import { getDb } from "@/db/client";
import { AppError, fieldErrorsOf } from "@/lib/errors";

export const apiTimeZoneSchema = z.object({
  timeZone: z.string().refine((zone) => (Intl.supportedValuesOf("timeZone") as string[]).includes(zone) || zone === "UTC", "Choose a time zone from the list"),
});

export async function getApiTimeZone(workspaceId: string): Promise<string> {
  const row = await getDb().selectFrom("workspaces").select("api_time_zone").where("id", "=", workspaceId).executeTakeFirstOrThrow();
  return row.api_time_zone;
}

/** The zone the API reads timestamps without an offset in, and writes its answers in. */
export async function updateApiTimeZone(workspaceId: string, input: z.input<typeof apiTimeZoneSchema>): Promise<string> {
  const parsed = apiTimeZoneSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid_input", "Choose a time zone from the list", fieldErrorsOf(parsed.error.issues));
  await getDb().updateTable("workspaces").set({ api_time_zone: parsed.data.timeZone }).where("id", "=", workspaceId).execute();
  return parsed.data.timeZone;
}
