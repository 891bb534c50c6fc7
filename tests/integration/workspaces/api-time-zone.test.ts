import { describe, expect, it } from "vitest";
import { getApiTimeZone, updateApiTimeZone } from "@/lib/workspaces/api-time-zone";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

useTestDatabase();

describe("the workspace's API time zone", () => {
  it("is Pacific time until the merchant picks another real zone", async () => {
    const { workspaceId } = await createMerchant();
    expect(await getApiTimeZone(workspaceId)).toBe("America/Los_Angeles");
    await updateApiTimeZone(workspaceId, { timeZone: "Europe/Paris" });
    expect(await getApiTimeZone(workspaceId)).toBe("Europe/Paris");
  });

  it("refuses a zone that doesn't exist, naming the field", async () => {
    const { workspaceId } = await createMerchant();
    await expect(updateApiTimeZone(workspaceId, { timeZone: "Mars/Olympus_Mons" })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { timeZone: [expect.any(String)] } });
    expect(await getApiTimeZone(workspaceId)).toBe("America/Los_Angeles");
  });
});
