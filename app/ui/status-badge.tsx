import type { OrderStatus } from "@/db/schema";

/** Colours live in globals.css (`.badge-<status>`): the badge repeats on every row of the grid. */
export function StatusBadge({ status, label }: { status: OrderStatus; label: string }) {
  return <span className={`badge badge-${status}`}>{label}</span>;
}
