import { readFileSync } from "node:fs";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { uploadZoneChartAction } from "@/app/(app)/settings/locations/actions";
import { uploadRateCardAction } from "@/app/(app)/settings/rate-cards/actions";
import { useTestDatabase } from "../../helpers/database";
import { createMerchant } from "../../helpers/workspaces";

// Outside Next.js there is no request: the signed-in user and the locale cookie are the test's;
// the action builder, the translator and lib are the real code.
const request = vi.hoisted(() => ({ userId: null as string | null, cookies: {} as Record<string, string> }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (request.userId ? { user: { id: request.userId } } : null) }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name in request.cookies ? { name, value: request.cookies[name] } : undefined) }),
  headers: async () => new Headers({ "accept-language": "en" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

useTestDatabase();

const EXAMPLE = /```csv\n([\s\S]*?)```/.exec(readFileSync("docs/rate-cards.md", "utf8"))![1];

function fileForm(text: string, name: string): FormData {
  const data = new FormData();
  data.set("file", new File([text], name));
  return data;
}

beforeAll(() => {
  process.env.AUTH_SECRET ??= "test-secret";
});

beforeEach(async () => {
  request.userId = (await createMerchant()).userId;
  request.cookies = {};
});

describe("the rate card upload answers in the merchant's language", () => {
  const badCard = EXAMPLE.replace("2,6.80,7.45,8.30,24.00", "2,6.80,seven,7.45,24.00");
  const row = badCard.split("\n").findIndex((line) => line.startsWith("2,6.80")) + 1;

  it("lists the file's problems in French when the locale is fr", async () => {
    request.cookies.locale = "fr";
    const state = await uploadRateCardAction({}, fileForm(badCard, "card.csv"));
    expect(state.problems).toEqual([`Ligne ${row}, colonne «\u00a0Zone 2\u00a0»\u00a0: saisissez un prix comme 8.25`]);
    expect(state.error).not.toMatch(/problem/);
  });

  it("says so in English otherwise, as before", async () => {
    const state = await uploadRateCardAction({}, fileForm(badCard, "card.csv"));
    expect(state.problems).toEqual([`Row ${row}, column "Zone 2": enter a price such as 8.25`]);
  });

  it("asks for the file in French when none was chosen", async () => {
    request.cookies.locale = "fr";
    const state = await uploadRateCardAction({}, fileForm("", "empty.csv"));
    expect(state.error).toBe("Choisissez le fichier CSV de la grille tarifaire.");
  });
});

describe("the zone chart upload answers in the merchant's language", () => {
  it("says why the chart was refused in French when the locale is fr", async () => {
    request.cookies.locale = "fr";
    const state = await uploadZoneChartAction("902", {}, fileForm("[]", "902.json"));
    expect(state.error).toBe("Ce n’est pas une grille des zones USPS\u00a0: un objet JSON est attendu");
  });

  it("asks for the chart's file in French when the file is empty", async () => {
    request.cookies.locale = "fr";
    const state = await uploadZoneChartAction("902", {}, fileForm("  ", "902.json"));
    expect(state.error).toBe("Choisissez le fichier JSON de la grille des zones.");
  });
});
