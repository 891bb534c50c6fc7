"use client";

import Link from "next/link";
import { useActionState } from "react";
import { saveLocationAction, type LocationFormState } from "./actions";

type FieldName = "name" | "company" | "street1" | "street2" | "city" | "state" | "postalCode" | "country" | "phone";

export interface LocationFormLabels {
  fields: Record<FieldName, string>;
  isDefault: string;
  namePlaceholder: string;
  save: string;
  cancel: string;
}

const input = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-500";

const LAYOUT: { name: FieldName; autoComplete: string; className: string }[] = [
  { name: "name", autoComplete: "off", className: "sm:col-span-2" },
  { name: "company", autoComplete: "organization", className: "sm:col-span-2" },
  { name: "street1", autoComplete: "address-line1", className: "sm:col-span-2" },
  { name: "street2", autoComplete: "address-line2", className: "sm:col-span-2" },
  { name: "city", autoComplete: "address-level2", className: "" },
  { name: "state", autoComplete: "address-level1", className: "" },
  { name: "postalCode", autoComplete: "postal-code", className: "" },
  { name: "country", autoComplete: "country", className: "" },
  { name: "phone", autoComplete: "tel", className: "sm:col-span-2" },
];

/**
 * Adds (no `locationId`) or edits a ship-from location. Embeddable: the Rates page shows it on
 * first use with `redirectTo="/rates"`, and goes back there once it is saved.
 */
export function LocationForm({
  labels,
  locationId = null,
  initial = {},
  redirectTo = null,
  cancelHref,
  showDefault = true,
}: {
  labels: LocationFormLabels;
  locationId?: number | null;
  /** The location's values when editing, by field name ("postalCode"…); `isDefault` "on" when it is. */
  initial?: Record<string, string>;
  redirectTo?: string | null;
  cancelHref?: string;
  showDefault?: boolean;
}) {
  const [state, formAction, pending] = useActionState<LocationFormState, FormData>(saveLocationAction.bind(null, locationId, redirectTo), {});
  const values: Record<string, string> = { country: "US", ...initial, ...state.values };
  return (
    <form action={formAction} className="space-y-4" data-testid="location-form">
      {state.error && (
        <p role="alert" data-testid="location-form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error}
        </p>
      )}
      {state.message && (
        <p role="status" data-testid="location-form-message" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {state.message}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {LAYOUT.map((field) => {
          const error = state.fieldErrors?.[field.name]?.[0];
          return (
            <label key={field.name} className={`block space-y-1 text-sm ${field.className}`}>
              <span className="font-medium text-slate-700">{labels.fields[field.name]}</span>
              <input
                name={field.name}
                defaultValue={values[field.name] ?? ""}
                autoComplete={field.autoComplete}
                placeholder={field.name === "name" ? labels.namePlaceholder : undefined}
                aria-invalid={error ? true : undefined}
                className={input}
              />
              {error && <span className="block text-xs text-red-600">{error}</span>}
            </label>
          );
        })}
      </div>
      {showDefault && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="isDefault" defaultChecked={values.isDefault === "on"} className="h-4 w-4" />
          <span>{labels.isDefault}</span>
        </label>
      )}
      <div className="flex flex-wrap gap-3">
        <button disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {labels.save}
        </button>
        {cancelHref && (
          <Link href={cancelHref} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50">
            {labels.cancel}
          </Link>
        )}
      </div>
    </form>
  );
}
