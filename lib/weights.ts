export const WEIGHT_UNITS = ["ounces", "pounds", "grams", "kilograms"] as const;
export type WeightUnit = (typeof WEIGHT_UNITS)[number];

const OUNCES_PER: Record<WeightUnit, number> = { ounces: 1, pounds: 16, grams: 1 / 28.349523125, kilograms: 1000 / 28.349523125 };

/** Weights are stored in ounces; every boundary converts with this. Rounded to 1/1000 oz. */
export function toOunces(value: number, unit: WeightUnit): number {
  return Math.round(value * OUNCES_PER[unit] * 1000) / 1000;
}
