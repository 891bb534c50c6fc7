import type { DimRule, WeightRounding } from "./rate-card";
import type { ParcelDimensions } from "./types";

// Weights arrive rounded to 1/1000 oz; this keeps 16.000 from ceiling to 17 through float noise.
const EPSILON = 1e-9;

const ceil = (value: number) => Math.ceil(value - EPSILON);

/**
 * The weight a card rates at: `ceil_oz_then_lb` is USPS's (whole ounces up to 1 lb, whole pounds
 * above: 16 oz is 1 lb, 16.01 oz is 2 lb), `ceil_lb` whole pounds, `ceil_oz` whole ounces.
 */
export function roundWeightOz(weightOz: number, rounding: WeightRounding): number {
  switch (rounding) {
    case "ceil_oz":
      return ceil(weightOz);
    case "ceil_lb":
      return ceil(weightOz / 16) * 16;
    case "ceil_oz_then_lb":
      return weightOz <= 16 + EPSILON ? ceil(weightOz) : ceil(weightOz / 16) * 16;
  }
}

function roundSide(inches: number, rounding: DimRule["dimensionRounding"]): number {
  if (rounding === "nearest") return Math.max(1, Math.round(inches));
  if (rounding === "up") return ceil(inches);
  return inches;
}

/**
 * The dimensional weight in ounces, or null when the rule does not apply (no dimensions, or the
 * volume of the rounded sides is not above the rule's threshold). Volume / divisor is pounds.
 */
export function dimWeightOz(dimensions: ParcelDimensions | null, rule: DimRule | null): number | null {
  if (!dimensions || !rule) return null;
  const volume = roundSide(dimensions.lengthIn, rule.dimensionRounding) * roundSide(dimensions.widthIn, rule.dimensionRounding) * roundSide(dimensions.heightIn, rule.dimensionRounding);
  if (volume <= rule.minVolumeCuIn) return null;
  const pounds = volume / rule.divisor;
  return rule.weightRounding === "ceil_lb" ? ceil(pounds) * 16 : ceil(pounds * 16);
}

export interface BillableWeight {
  billableWeightOz: number;
  dimWeightOz: number | null;
  dimWeightUsed: boolean;
}

/** The larger of the rounded actual weight and the DIM weight, rounded by the card's rule. */
export function billableWeight(weightOz: number, dimensions: ParcelDimensions | null, rounding: WeightRounding, rule: DimRule | null): BillableWeight {
  const actual = roundWeightOz(weightOz, rounding);
  const dim = dimWeightOz(dimensions, rule);
  if (dim === null || dim <= actual) return { billableWeightOz: actual, dimWeightOz: dim, dimWeightUsed: false };
  return { billableWeightOz: roundWeightOz(dim, rounding), dimWeightOz: dim, dimWeightUsed: true };
}

/** Sides sorted longest first, and length + girth (longest + 2 × the other two). */
export function measureSides(dimensions: ParcelDimensions | null): { sides: [number, number, number]; lengthPlusGirth: number } | null {
  if (!dimensions) return null;
  const sides = [dimensions.lengthIn, dimensions.widthIn, dimensions.heightIn].sort((a, b) => b - a) as [number, number, number];
  return { sides, lengthPlusGirth: sides[0] + 2 * (sides[1] + sides[2]) };
}
