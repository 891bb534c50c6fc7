import type { OrderItemRow, OrderRow } from "@/db/schema";

type ItemWeight = Pick<OrderItemRow, "weight_oz" | "quantity" | "adjustment">;

export interface OrderWeight {
  /** Ounces, or null when neither the order nor its items say anything. */
  oz: number | null;
  /** True when the order has no weight of its own and this is its items' (shown as "from items"). */
  fromItems: boolean;
}

/**
 * An order's weight as every reader shows it (order page, list, API, rating): its own weight,
 * else its items' unit weights × quantities (adjustment lines weigh nothing). Computed when read,
 * not stored, so it follows the items through every edit and import without a second copy to keep.
 */
export function orderWeightOf(order: Pick<OrderRow, "weight_oz">, items: readonly ItemWeight[]): OrderWeight {
  if (order.weight_oz != null && order.weight_oz > 0) return { oz: order.weight_oz, fromItems: false };
  const sum = items.filter((item) => item.adjustment !== 1).reduce((total, item) => total + (item.weight_oz ?? 0) * item.quantity, 0);
  if (sum > 0) return { oz: Math.round(sum * 1000) / 1000, fromItems: true };
  return { oz: order.weight_oz, fromItems: false };
}
