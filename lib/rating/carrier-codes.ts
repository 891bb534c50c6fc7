/**
 * ShipStation names one carrier several ways (its own USPS accounts, resellers, walleted UPS and
 * FedEx); Shipdeck rates each carrier under one code. Any other code is a rate card's own carrier
 * code ("sample", a merchant's negotiated card), compared without case.
 */
const SHIPSTATION_ALIASES: Record<string, string> = {
  stamps_com: "usps",
  usps: "usps",
  endicia: "usps",
  express_1: "usps",
  ups: "ups",
  ups_walleted: "ups",
  fedex: "fedex",
  fedex_walleted: "fedex",
};

/** Our carrier code for a code a ShipStation client sends. */
export function toRatingCarrierCode(code: string): string {
  const normalized = code.trim().toLowerCase();
  return SHIPSTATION_ALIASES[normalized] ?? normalized;
}
