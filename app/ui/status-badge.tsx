import type { OrderStatus } from "@/db/schema";

const TONES: Record<OrderStatus, string> = {
  awaiting_payment: "bg-amber-50 text-amber-800 ring-amber-200",
  awaiting_shipment: "bg-brand-50 text-brand-700 ring-brand-100",
  pending_fulfillment: "bg-violet-50 text-violet-700 ring-violet-200",
  on_hold: "bg-orange-50 text-orange-700 ring-orange-200",
  shipped: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  cancelled: "bg-slate-100 text-slate-600 ring-slate-200",
};

export function StatusBadge({ status, label }: { status: OrderStatus; label: string }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status]}`}>{label}</span>;
}
