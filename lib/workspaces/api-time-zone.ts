import { z } from "zod";
import { db } from "@/db/database";
import { timeZoneSchema } from "@/lib/dates";
import { AppError, fieldErrorsOf } from "@/lib/errors";

export const apiTimeZoneSchema = z.object({ timeZone: timeZoneSchema });

/** The zones the settings page offers: UTC, then every zone this runtime knows. */
export function apiTimeZoneChoices(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone")];
}

export async function getApiTimeZone(workspaceId: string): Promise<string> {
  const row = await db.read.selectFrom("workspaces").select("api_time_zone").where("id", "=", workspaceId).executeTakeFirstOrThrow();
  return row.api_time_zone;
}

/** The zone the API reads timestamps without an offset in, and writes its answers in. */
export async function updateApiTimeZone(workspaceId: string, input: z.input<typeof apiTimeZoneSchema>): Promise<string> {
  const parsed = apiTimeZoneSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid_input", "Choose a time zone from the list", fieldErrorsOf(parsed.error.issues));
  await db.write.updateTable("workspaces").set({ api_time_zone: parsed.data.timeZone }).where("id", "=", workspaceId).execute();
  return parsed.data.timeZone;
}
