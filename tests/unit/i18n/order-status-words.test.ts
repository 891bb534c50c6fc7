import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { ORDER_STATUSES } from "@/lib/orders/status";

describe("an order's status in French", () => {
  it("is singular on one order's badge, plural on the tabs that list many", () => {
    expect([fr.orderStatus.shipped, fr.orderStatus.cancelled]).toEqual(["Expédiée", "Annulée"]);
    expect([fr.status.shipped, fr.status.cancelled]).toEqual(["Expédiées", "Annulées"]);
    for (const status of ORDER_STATUSES) expect(en.orderStatus[status], status).toBe(en.status[status]);
  });
});
