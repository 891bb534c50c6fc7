"use client";

import { useActionState, useState } from "react";
import type { OrderFormState } from "./actions";

/** Where the server puts the id of the order that already has the typed number (lib/orders/order-actions.ts). */
const EXISTING_ORDER_FIELD = "orderNumber.existingOrderId";

export type OrderFormLabels = Record<string, string>;

const input = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-500";
const section = "space-y-3 rounded-lg border border-slate-200 bg-white p-4";
const heading = "text-sm font-semibold uppercase tracking-wide text-slate-500";

/**
 * The manual order form (new and edit). Field names are the order schema's paths
 * (`shipTo.postalCode`, `items.0.name`), so the server's errors land next to their fields.
 */
export function OrderForm({
  action,
  initial,
  stores,
  statuses,
  labels,
  submitLabel,
  cancelHref,
}: {
  action: (state: OrderFormState, formData: FormData) => Promise<OrderFormState>;
  initial: Record<string, string>;
  stores: { id: number; name: string }[];
  statuses: { value: string; label: string }[];
  labels: OrderFormLabels;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? initial;
  const initialRows = Object.keys(values).filter((key) => /^items\.\d+\.name$/.test(key)).map((key) => Number(key.split(".")[1]));
  const [rows, setRows] = useState<number[]>(initialRows.length ? initialRows : [0]);
  const [sameAddress, setSameAddress] = useState(values.billToSameAsShipTo !== "" && values.billToSameAsShipTo !== undefined ? values.billToSameAsShipTo === "on" : true);
  const [gift, setGift] = useState(values.gift === "on");
  const errorOf = (name: string) => state.fieldErrors?.[name]?.[0];

  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="block space-y-1 text-sm" key={name}>
      <span className="font-medium text-slate-700">{label}</span>
      <input name={name} defaultValue={values[name] ?? ""} aria-invalid={errorOf(name) ? true : undefined} aria-label={label} className={input} {...props} />
      {errorOf(name) && <span className="block text-xs text-red-600">{errorOf(name)}</span>}
    </label>
  );
  const address = (prefix: "shipTo" | "billTo") => (
    <div className="grid gap-3 sm:grid-cols-2">
      {field(`${prefix}.name`, labels.name)}
      {field(`${prefix}.company`, labels.company)}
      {field(`${prefix}.street1`, labels.street1)}
      {field(`${prefix}.street2`, labels.street2)}
      {field(`${prefix}.city`, labels.city)}
      {field(`${prefix}.state`, labels.state)}
      {field(`${prefix}.postalCode`, labels.postalCode)}
      {/* A code or a name ("United States" reads as US, as in a CSV file): never cut to two letters. */}
      {field(`${prefix}.country`, labels.country, { autoComplete: "country" })}
      {field(`${prefix}.phone`, labels.phone, { type: "tel" })}
      <label className="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" name={`${prefix}.residential`} defaultChecked={values[`${prefix}.residential`] === "on"} />
        {labels.residential}
      </label>
    </div>
  );

  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error && (
        <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error}
          {/* A fault no input shows (the schema named a field the form has not) is said here, never lost. */}
          {errorOf("form") && <span className="block">{errorOf("form")}</span>}
        </p>
      )}
      <section className={section}>
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-700">{labels.store}</span>
            <select name="storeId" defaultValue={values.storeId} className={input}>
              {stores.map((store) => (
                <option key={store.id} value={store.id}>
                  {store.name}
                </option>
              ))}
            </select>
          </label>
          <div>
            {field("orderNumber", labels.orderNumber, { placeholder: labels.orderNumberHint })}
            {errorOf(EXISTING_ORDER_FIELD) && (
              <a href={`/orders/${errorOf(EXISTING_ORDER_FIELD)}`} className="text-xs text-brand-700 hover:underline" data-testid="existing-order-link">
                {labels.openExistingOrder}
              </a>
            )}
          </div>
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-700">{labels.status}</span>
            <select name="status" defaultValue={values.status} className={input}>
              {statuses.map((status) => (
                <option key={status.value} value={status.value}>
                  {status.label}
                </option>
              ))}
            </select>
          </label>
          {field("orderDate", labels.orderDate, { type: "datetime-local", required: true })}
          {field("paymentDate", labels.paymentDate, { type: "datetime-local" })}
          {field("shipByDate", labels.shipByDate, { type: "datetime-local" })}
          {field("customerEmail", labels.customerEmail, { type: "email" })}
        </div>
      </section>

      <section className={section}>
        <h2 className={heading}>{labels.shipTo}</h2>
        {address("shipTo")}
        <h2 className={heading}>{labels.billTo}</h2>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="billToSameAsShipTo" checked={sameAddress} onChange={(event) => setSameAddress(event.target.checked)} />
          {labels.sameAsShipTo}
        </label>
        {!sameAddress && address("billTo")}
      </section>

      <section className={section}>
        <h2 className={heading}>{labels.items}</h2>
        {errorOf("items") && (
          <p className="text-xs text-red-600" data-testid="items-error">
            {errorOf("items")}
          </p>
        )}
        {rows.map((row, position) => (
          <div key={row} className="grid items-end gap-2 sm:grid-cols-[1fr_2fr_6rem_7rem_7rem_auto]" data-testid="item-row">
            {field(`items.${row}.sku`, labels.sku)}
            {field(`items.${row}.name`, labels.itemName)}
            {field(`items.${row}.quantity`, labels.quantity, { inputMode: "numeric", defaultValue: values[`items.${row}.quantity`] ?? "1" })}
            {field(`items.${row}.unitPrice`, labels.unitPrice, { inputMode: "decimal" })}
            {field(`items.${row}.weight`, labels.unitWeight, { inputMode: "decimal" })}
            <button
              type="button"
              onClick={() => setRows(rows.filter((other) => other !== row))}
              disabled={rows.length === 1}
              aria-label={`${labels.removeItem} ${position + 1}`}
              className="rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:opacity-40"
            >
              {labels.removeItem}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setRows([...rows, Math.max(-1, ...rows) + 1])} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
          {labels.addItem}
        </button>
      </section>

      <section className={section}>
        <h2 className={heading}>{labels.amounts}</h2>
        <div className="grid gap-3 sm:grid-cols-3">
          {field("amountPaid", labels.amountPaid, { inputMode: "decimal" })}
          {field("taxAmount", labels.taxAmount, { inputMode: "decimal" })}
          {field("shippingAmount", labels.shippingAmount, { inputMode: "decimal" })}
        </div>
      </section>

      <section className={section}>
        <h2 className={heading}>{labels.package}</h2>
        <div className="grid gap-3 sm:grid-cols-4">
          {field("weight", labels.weight, { inputMode: "decimal" })}
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-700">{labels.weightUnit}</span>
            <select name="weightUnit" defaultValue={values.weightUnit ?? "ounces"} className={input}>
              {["ounces", "pounds", "grams", "kilograms"].map((unit) => (
                <option key={unit} value={unit}>
                  {labels[`unit_${unit}`]}
                </option>
              ))}
            </select>
          </label>
          {field("requestedShippingService", labels.requestedService)}
          <span />
          {field("dimensions.length", labels.length, { inputMode: "decimal" })}
          {field("dimensions.width", labels.width, { inputMode: "decimal" })}
          {field("dimensions.height", labels.height, { inputMode: "decimal" })}
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-700">{labels.dimensionUnits}</span>
            <select name="dimensions.units" defaultValue={values["dimensions.units"] ?? "inches"} className={input}>
              <option value="inches">{labels.unit_inches}</option>
              <option value="centimeters">{labels.unit_centimeters}</option>
            </select>
          </label>
        </div>
      </section>

      <section className={section}>
        <h2 className={heading}>{labels.notes}</h2>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-700">{labels.customerNotes}</span>
            <textarea name="customerNotes" defaultValue={values.customerNotes ?? ""} rows={3} className={input} />
          </label>
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-700">{labels.internalNotes}</span>
            <textarea name="internalNotes" defaultValue={values.internalNotes ?? ""} rows={3} className={input} />
          </label>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="gift" checked={gift} onChange={(event) => setGift(event.target.checked)} />
          {labels.gift}
        </label>
        {gift && field("giftMessage", labels.giftMessage)}
      </section>

      <div className="flex gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {submitLabel}
        </button>
        <a href={cancelHref} className="rounded-md border border-slate-300 px-4 py-2 text-sm">
          {labels.cancelEdit}
        </a>
      </div>
    </form>
  );
}
