import { billableWeight, measureSides } from "./dim-weight";
import type { FuelBasis, RateCard } from "./rate-card";
import { toRatingCarrierCode } from "./carrier-codes";
import type { Parcel, RateBreakdown, RateProblem, RateQuote, RateResult } from "./types";
import { lookupUspsZone, zoneChartOrigin, type UspsZoneChartSet } from "./usps-zone-chart";
import { inEnglish, localizable, message, type Message } from "@/lib/i18n/message";

/**
 * A rate card made ready to quote in well under a millisecond: every lookup a quote needs is an
 * array index or a binary search, built once when the card is loaded (and cached with it).
 */
export interface PreparedRateCard {
  id: number | null;
  card: RateCard;
  carrierKey: string;
  maxWeightOz: number;
  breaks: Float64Array;
  zoneNames: string[];
  zoneIndex: Map<string, number>;
  /** [break × zones.length + zone] → cents. */
  prices: Int32Array;
  deliveryDays: (number | null)[];
  /** Origin ZIP3 (0–999) → index into `destZones`, or -1. */
  originGroup: Int16Array;
  /** Per origin group: destination ZIP3 → zone index, or -1. */
  destZones: Int16Array[];
  zip5Exceptions: ({ originFrom: number; originTo: number; zone: Int16Array } & Ranges)[];
  countryZone: Map<string, number>;
  deliveryAreas: ({ cents: number } & Ranges)[];
}

/** Inclusive ranges sorted by start; `maxTo[i]` is the largest end among the first i + 1. */
interface Ranges {
  from: Int32Array;
  to: Int32Array;
  maxTo: Int32Array;
}

function rangesOf(sorted: readonly (readonly [number, number, ...unknown[]])[]): Ranges {
  const maxTo = new Int32Array(sorted.length);
  sorted.forEach((range, index) => (maxTo[index] = Math.max(range[1], index > 0 ? maxTo[index - 1] : -1)));
  return { from: Int32Array.from(sorted, (range) => range[0]), to: Int32Array.from(sorted, (range) => range[1]), maxTo };
}

const NO_ZONE = -1;

export function prepareRateCard(card: RateCard, id: number | null = null): PreparedRateCard {
  const zoneNames = card.prices.zones;
  const zoneIndex = new Map(zoneNames.map((zone, index) => [zone, index]));
  const indexOf = (zone: string) => zoneIndex.get(zone) ?? NO_ZONE;
  const prices = new Int32Array(card.prices.weightBreaksOz.length * zoneNames.length);
  card.prices.cents.forEach((row, b) => row.forEach((cents, z) => (prices[b * zoneNames.length + z] = cents)));

  const originGroup = new Int16Array(1000).fill(NO_ZONE);
  const destZones: Int16Array[] = [];
  const groupKeys = new Map<string, number>();
  for (const row of card.zones.zip3) {
    const key = `${row.originFrom}-${row.originTo}`;
    let group = groupKeys.get(key);
    if (group === undefined) {
      group = destZones.length;
      groupKeys.set(key, group);
      destZones.push(new Int16Array(1000).fill(NO_ZONE));
      for (let origin = Number(row.originFrom); origin <= Number(row.originTo); origin++) originGroup[origin] = group;
    }
    destZones[group].fill(indexOf(row.zone), Number(row.destFrom), Number(row.destTo) + 1);
  }

  const exceptionGroups = new Map<string, { originFrom: number; originTo: number; rows: [number, number, number][] }>();
  for (const row of card.zones.zip5) {
    const key = `${row.originFrom}-${row.originTo}`;
    const group = exceptionGroups.get(key) ?? exceptionGroups.set(key, { originFrom: Number(row.originFrom), originTo: Number(row.originTo), rows: [] }).get(key)!;
    group.rows.push([Number(row.destFrom), Number(row.destTo), indexOf(row.zone)]);
  }
  const zip5Exceptions = [...exceptionGroups.values()].map(({ originFrom, originTo, rows }) => {
    rows.sort((a, b) => a[0] - b[0]);
    return { originFrom, originTo, zone: Int16Array.from(rows, (r) => r[2]), ...rangesOf(rows) };
  });

  const deliveryAreas = card.surcharges.deliveryAreas.map((area) => {
    const ranges = area.zip5Ranges.map(([from, to]) => [Number(from), Number(to)] as const).sort((a, b) => a[0] - b[0]);
    return { cents: area.cents, ...rangesOf(ranges) };
  });

  const breaks = Float64Array.from(card.prices.weightBreaksOz);
  return {
    id,
    card,
    carrierKey: toRatingCarrierCode(card.carrierCode),
    maxWeightOz: Math.min(card.maxWeightOz ?? Infinity, breaks[breaks.length - 1]),
    breaks,
    zoneNames,
    zoneIndex,
    prices,
    deliveryDays: zoneNames.map((zone) => card.deliveryDays[zone] ?? null),
    originGroup,
    destZones,
    zip5Exceptions,
    countryZone: new Map(card.zones.countries.map((row) => [row.country, indexOf(row.zone)])),
    deliveryAreas,
  };
}

/** The index of the first value ≥ `value` in an ascending array, or the array's length. */
function firstAtLeast(values: Float64Array | Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index of a range holding `value`, or -1. */
function inRanges({ from, to, maxTo }: Ranges, value: number): number {
  // From the last range starting at or before `value` back, while an earlier one could still reach it (ranges may nest).
  for (let index = firstAtLeast(from, value + 1) - 1; index >= 0 && maxTo[index] >= value; index--) if (to[index] >= value) return index;
  return -1;
}

const zipNumber = (zip: string) => (/^\d{5}$/.test(zip) ? Number(zip) : -1);

type ZoneAnswer = { zone: number; source: string } | { problem: Message } | null;

/** The card's zone for the parcel's lane; null when the card does not serve it at all. */
function findZone(prepared: PreparedRateCard, parcel: Parcel, zoneCharts: UspsZoneChartSet): ZoneAnswer {
  const card = prepared.card;
  if (parcel.fromCountry !== card.originCountry) return null;
  const domestic = parcel.toCountry === card.originCountry;
  if (card.zoneSource === "usps") {
    if (!domestic || card.originCountry !== "US") return null;
    const entry = zoneCharts.chartFor(parcel.fromPostalCode, parcel.shipDate);
    if (!entry) return { problem: message("ratingErrors.noZoneChart", { origin: parcel.fromPostalCode.slice(0, 3) }) };
    const found = lookupUspsZone(entry.chart, parcel.toPostalCode, card.uspsService ?? "priority", parcel.weightOz);
    const chart = message("ratingErrors.zoneChart", { origin: zoneChartOrigin(entry.chart), date: entry.chart.effectiveDate });
    const sourceSaid = message(entry.source === "upload" ? "ratingErrors.zoneChartUploaded" : "ratingErrors.zoneChartFetched", { chart });
    const source = inEnglish(sourceSaid);
    if (!found) return { problem: message("ratingErrors.noZoneForZip", { source: sourceSaid, zip: parcel.toPostalCode }) };
    const zone = prepared.zoneIndex.get(found.zone);
    if (zone === undefined) return { problem: message("ratingErrors.noPricesForZone", { zone: found.zone }) };
    return { zone, source };
  }
  if (!domestic) {
    const zone = prepared.countryZone.get(parcel.toCountry) ?? prepared.countryZone.get("*");
    return zone === undefined || zone === NO_ZONE ? null : { zone, source: inEnglish(message("ratingErrors.cardZoneChartCountries")) };
  }
  const origin = zipNumber(parcel.fromPostalCode);
  const dest = zipNumber(parcel.toPostalCode);
  if (origin < 0 || dest < 0) return null;
  const origin3 = Math.floor(origin / 100);
  for (const exceptions of prepared.zip5Exceptions) {
    if (origin3 < exceptions.originFrom || origin3 > exceptions.originTo) continue;
    const index = inRanges(exceptions, dest);
    if (index >= 0) return { zone: exceptions.zone[index], source: inEnglish(message("ratingErrors.cardZoneChartException")) };
  }
  const group = prepared.originGroup[origin3];
  if (group === NO_ZONE) return null;
  const zone = prepared.destZones[group][Math.floor(dest / 100)];
  return zone === NO_ZONE ? null : { zone, source: inEnglish(message("ratingErrors.cardZoneChart")) };
}

/** Half up, once, on an amount that is an exact number of hundredths of a cent. */
function percentOf(cents: number, percent: number): number {
  const hundredths = Math.round(percent * 100);
  return Math.floor((cents * hundredths + 5000) / 10000);
}

function problemOf(prepared: PreparedRateCard, said: Message): RateProblem {
  const card = prepared.card;
  return { carrierCode: card.carrierCode, carrierName: card.carrierName, serviceCode: card.serviceCode, ...localizable(said) };
}

const pounds = (oz: number) => `${Math.round((oz / 16) * 100) / 100} lb`;

/** One card's quote, a problem the merchant should see, or null when the card does not serve the parcel. */
export function quoteCard(prepared: PreparedRateCard, zoneCharts: UspsZoneChartSet, parcel: Parcel): RateQuote | RateProblem | null {
  const card = prepared.card;
  if (!card.active || parcel.shipDate < card.effectiveFrom || (card.effectiveUntil !== null && parcel.shipDate > card.effectiveUntil)) return null;
  if (parcel.carrierCode && toRatingCarrierCode(parcel.carrierCode) !== prepared.carrierKey) return null;
  if (parcel.serviceCode && parcel.serviceCode.toLowerCase() !== card.serviceCode.toLowerCase()) return null;
  if (parcel.packageCode !== card.packageCode) return null;

  const found = findZone(prepared, parcel, zoneCharts);
  if (found === null) return null;
  if ("problem" in found) return problemOf(prepared, found.problem);

  if (parcel.weightOz > prepared.maxWeightOz) return problemOf(prepared, message("ratingErrors.tooHeavy", { service: card.serviceName, max: pounds(prepared.maxWeightOz), weight: pounds(parcel.weightOz) }));
  const weight = billableWeight(parcel.weightOz, parcel.dimensions, card.weightRounding, card.dim);
  const breakIndex = firstAtLeast(prepared.breaks, weight.billableWeightOz - 1e-9);
  if (breakIndex >= prepared.breaks.length || weight.billableWeightOz > prepared.maxWeightOz) {
    return problemOf(prepared, message(weight.dimWeightUsed ? "ratingErrors.ratesTooHeavyDim" : "ratingErrors.ratesTooHeavy", { service: card.serviceName, max: pounds(prepared.maxWeightOz), weight: pounds(weight.billableWeightOz) }));
  }

  const surcharges = card.surcharges;
  const breakdown: RateBreakdown = {
    baseCents: prepared.prices[breakIndex * prepared.zoneNames.length + found.zone],
    fuelCents: 0,
    residentialCents: parcel.residential ? (surcharges.residentialCents ?? 0) : 0,
    deliveryAreaCents: 0,
    additionalHandlingCents: 0,
    oversizeCents: 0,
    confirmationCents: parcel.confirmation === "none" ? 0 : (surcharges.confirmationCents[parcel.confirmation] ?? 0),
  };
  if (prepared.deliveryAreas.length && parcel.toCountry === "US") {
    const dest = zipNumber(parcel.toPostalCode);
    for (const area of prepared.deliveryAreas) if (area.cents > breakdown.deliveryAreaCents && inRanges(area, dest) >= 0) breakdown.deliveryAreaCents = area.cents;
  }
  const measured = measureSides(parcel.dimensions);
  if (surcharges.oversize && measured && measured.lengthPlusGirth > surcharges.oversize.lengthPlusGirthIn) {
    breakdown.oversizeCents = surcharges.oversize.cents;
  } else if (surcharges.additionalHandling) {
    const rule = surcharges.additionalHandling;
    const over =
      (rule.longestSideIn !== null && measured !== null && measured.sides[0] > rule.longestSideIn) ||
      (rule.secondSideIn !== null && measured !== null && measured.sides[1] > rule.secondSideIn) ||
      (rule.weightOz !== null && parcel.weightOz > rule.weightOz);
    if (over) breakdown.additionalHandlingCents = rule.cents;
  }
  if (surcharges.fuel) {
    const parts: Record<FuelBasis, number> = {
      base: breakdown.baseCents,
      residential: breakdown.residentialCents,
      delivery_area: breakdown.deliveryAreaCents,
      additional_handling: breakdown.additionalHandlingCents,
      oversize: breakdown.oversizeCents,
    };
    let fuelBase = 0;
    for (const basis of surcharges.fuel.appliesTo) fuelBase += parts[basis];
    breakdown.fuelCents = percentOf(fuelBase, surcharges.fuel.percent);
  }
  const totalCents =
    breakdown.baseCents + breakdown.fuelCents + breakdown.residentialCents + breakdown.deliveryAreaCents + breakdown.additionalHandlingCents + breakdown.oversizeCents + breakdown.confirmationCents;

  return {
    carrierCode: card.carrierCode,
    carrierName: card.carrierName,
    serviceCode: card.serviceCode,
    serviceName: card.serviceName,
    packageCode: card.packageCode,
    source: "rate_card",
    samplePrices: card.samplePrices,
    rateCardId: prepared.id,
    zone: prepared.zoneNames[found.zone],
    zoneSource: found.source,
    billableWeightOz: weight.billableWeightOz,
    dimWeightOz: weight.dimWeightOz,
    dimWeightUsed: weight.dimWeightUsed,
    deliveryDays: prepared.deliveryDays[found.zone],
    totalCents,
    breakdown,
  };
}

/** Cheapest first, then fastest (unknown delivery days last). */
export function compareQuotes(a: RateQuote, b: RateQuote): number {
  return a.totalCents - b.totalCents || (a.deliveryDays ?? Infinity) - (b.deliveryDays ?? Infinity) || a.serviceName.localeCompare(b.serviceName);
}

/**
 * Quotes the parcel with every active card in effect on its ship date that serves its lane (and
 * its carrier/service filters): one quote per card, or a problem where a card that serves the lane
 * cannot take this parcel. Pure: the cards and the USPS zone charts are given.
 */
export function quoteParcel(cards: readonly PreparedRateCard[], zoneCharts: UspsZoneChartSet, parcel: Parcel): RateResult {
  const quotes: RateQuote[] = [];
  const problems: RateProblem[] = [];
  for (const card of cards) {
    const answer = quoteCard(card, zoneCharts, parcel);
    if (answer === null) continue;
    if ("message" in answer) problems.push(answer);
    else quotes.push(answer);
  }
  quotes.sort(compareQuotes);
  return { quotes, problems };
}
