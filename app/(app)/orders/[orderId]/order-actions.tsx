"use client";

import Link from "next/link";
import { useActionState } from "react";
import {
  cancelOrderAction, createReplacementAction, holdOrderAction, markShippedAction, restoreOrderAction, type OrderActionState,
} from "../actions";

const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50";
const input = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";
/** A visible label over its box: the date boxes look alike, so each says what it is. */
const caption = "flex flex-col gap-1 text-xs font-medium text-slate-600";

function Outcome({ state, done }: { state: OrderActionState; done: string }) {
  if (state.error) return <p role="alert" className="text-xs text-red-600">{state.error}</p>;
  if (state.done) return <p role="status" className="text-xs text-emerald-700">{done}</p>;
  return null;
}

/** What the merchant can do with this order now; a locked order says why instead. */
export function OrderActions({
  order,
  labels,
}: {
  order: { id: number; status: string; locked: "shipped" | "cancelled" | null; deleted: boolean; reactivated: boolean; replacedByOrderId: number | null };
  labels: Record<string, string>;
}) {
  const [cancelState, cancel, cancelling] = useActionState(async () => cancelOrderAction(order.id), {});
  const [holdState, hold, holding] = useActionState(holdOrderAction.bind(null, order.id), {});
  const [restoreState, restore, restoring] = useActionState(async () => restoreOrderAction(order.id), {});
  const [shipState, ship, shipping] = useActionState(markShippedAction.bind(null, order.id), {});
  const [replaceState, replace, replacing] = useActionState(async () => createReplacementAction(order.id), {});

  if (order.deleted) return null;
  if (order.locked) {
    return (
      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="order-actions">
        <p className="text-sm text-slate-600" data-testid="locked-reason">
          {order.locked === "shipped" ? labels.lockedShipped : labels.lockedCancelled}
        </p>
        {order.reactivated && order.replacedByOrderId == null && (
          <form action={replace}>
            <button className={button} disabled={replacing}>
              {labels.createReplacement}
            </button>
            <Outcome state={replaceState} done={labels.done} />
          </form>
        )}
        {order.replacedByOrderId != null && (
          <Link href={`/orders/${order.replacedByOrderId}`} className="text-sm text-brand-700 hover:underline">
            {labels.replacedBy}
          </Link>
        )}
      </section>
    );
  }
  return (
    <section className="flex flex-wrap items-start gap-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="order-actions">
      <Link href={`/orders/${order.id}/edit`} className={button}>
        {labels.edit}
      </Link>
      {order.status === "on_hold" ? (
        <form action={restore}>
          <button className={button} disabled={restoring}>
            {labels.restore}
          </button>
          <Outcome state={restoreState} done={labels.done} />
        </form>
      ) : (
        <form action={hold} className="flex flex-wrap items-end gap-2">
          <label className={caption}>
            {labels.holdUntil}
            <input type="date" name="holdUntil" required className={input} data-testid="hold-until" />
          </label>
          <button className={button} disabled={holding}>
            {labels.hold}
          </button>
          <Outcome state={holdState} done={labels.done} />
        </form>
      )}
      <form action={ship} className="flex flex-wrap items-end gap-2">
        <label className={caption}>
          {labels.shipDate}
          <input type="date" name="shipDate" className={input} data-testid="ship-date" />
        </label>
        <label className={caption}>
          {labels.carrier}
          <input name="carrierCode" required placeholder="usps" className={`${input} w-28`} />
        </label>
        <label className={caption}>
          {labels.trackingNumber}
          <input name="trackingNumber" className={`${input} w-40`} />
        </label>
        <button className={button} disabled={shipping}>
          {labels.markShipped}
        </button>
        <Outcome state={shipState} done={labels.done} />
      </form>
      <form
        action={cancel}
        onSubmit={(event) => {
          if (!window.confirm(labels.confirmCancel)) event.preventDefault();
        }}
      >
        <button className={`${button} text-red-700`} disabled={cancelling}>
          {labels.cancelOrder}
        </button>
        <Outcome state={cancelState} done={labels.done} />
      </form>
    </section>
  );
}
