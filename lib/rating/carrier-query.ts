import "server-only";
import { AppError } from "@/lib/errors";
import { toRatingCarrierCode } from "./carrier-codes";
import { findRatingCarrier, type RatingCarrier } from "./list-carriers";
import { todayIn } from "./today";

/** The carrier `?carrierCode=` names (ShipStation's aliases accepted); missing or unknown is a 400 naming carrierCode. */
export async function carrierOfQuery(caller: { workspaceId: string; timeZone: string }, query: URLSearchParams): Promise<RatingCarrier> {
  const code = query.get("carrierCode")?.trim();
  if (!code) throw new AppError("invalid_input", "Add ?carrierCode=, such as stamps_com, ups or fedex.", { carrierCode: ["Enter a carrierCode"] });
  const carrier = await findRatingCarrier(caller.workspaceId, toRatingCarrierCode(code), todayIn(caller.timeZone));
  if (!carrier) {
    const message = `Unknown carrierCode "${code}": GET /carriers lists the ones this account rates with.`;
    throw new AppError("invalid_input", message, { carrierCode: [message] });
  }
  return carrier;
}

const PACKAGE_NAMES: Record<string, string> = { package: "Package" };

/** The packages a carrier's services are priced for; live carriers rate any "package". */
export function listCarrierPackages(carrier: RatingCarrier) {
  const codes = new Map<string, { domestic: boolean; international: boolean }>();
  for (const service of carrier.services) {
    const code = service.packageCode ?? "package";
    const known = codes.get(code) ?? { domestic: false, international: false };
    codes.set(code, { domestic: known.domestic || service.domestic, international: known.international || service.international });
  }
  return [...codes].map(([code, scope]) => ({ carrierCode: carrier.code, code, name: PACKAGE_NAMES[code] ?? code.replaceAll("_", " "), ...scope }));
}
