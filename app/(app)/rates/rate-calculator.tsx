"use client";

import { useActionState, useMemo } from "react";
import { ratesTranslator, type RatesMessages } from "./rates-i18n";
import { RateTable } from "./rate-table";
import type { RatesFormState } from "./actions";

export interface CalculatorLocation {
  id: number;
  name: string;
  isDefault: boolean;
  /** "Los Angeles, CA 90210": enough to tell locations apart. */
  summary: string;
}

const input = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-500";
const label = "block space-y-1 text-sm";
const WEIGHT_UNITS = ["pounds", "ounces", "kilograms", "grams"] as const;
const DIMENSION_UNITS = ["inches", "centimeters"] as const;
const CONFIRMATIONS = ["none", "delivery", "signature", "adult_signature", "direct_signature"] as const;

/** The rate calculator: where from, where to, what the parcel is; the quotes below once asked. */
export function RateCalculator({
  action,
  locations,
  packageCodes,
  messages,
  locale,
}: {
  action: (state: RatesFormState, formData: FormData) => Promise<RatesFormState>;
  locations: CalculatorLocation[];
  packageCodes: string[];
  messages: RatesMessages;
  locale: string;
}) {
  const t = useMemo(() => ratesTranslator(locale, messages), [locale, messages]);
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? {};
  const errorOf = (name: string) => state.fieldErrors?.[name]?.[0];
  const invalid = (name: string) => (errorOf(name) ? true : undefined);
  const error = (name: string) => {
    const message = errorOf(name);
    return message ? <span className="block text-xs text-red-600" data-testid={`error-${name}`}>{message}</span> : null;
  };
  const defaultLocation = locations.find((location) => location.isDefault) ?? locations[0];
  const optional = <span className="font-normal text-slate-400"> ({t("optional")})</span>;

  return (
    <div className="space-y-6">
      <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="rate-form" noValidate>
        {state.error && (
          <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {state.error}
          </p>
        )}
        <label className={label}>
          <span className="font-medium text-slate-700">{t("shipFrom")}</span>
          <select name="locationId" defaultValue={values.locationId ?? String(defaultLocation?.id ?? "")} aria-invalid={invalid("locationId")} className={input}>
            {locations.map((location) => (
              <option key={location.id} value={location.id}>
                {location.isDefault ? t("defaultLocation", { name: location.name }) : location.name} · {location.summary}
              </option>
            ))}
          </select>
          {error("locationId")}
        </label>

        <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="mb-1 text-sm font-semibold text-slate-700">{t("shipTo")}</legend>
          <label className={label}>
            <span className="font-medium text-slate-700">{t("toPostalCode")}</span>
            <input name="toPostalCode" defaultValue={values.toPostalCode ?? ""} aria-invalid={invalid("toPostalCode")} className={input} autoComplete="off" />
            {error("toPostalCode")}
          </label>
          <label className={label}>
            <span className="font-medium text-slate-700">{t("toCountry")}</span>
            <input name="toCountry" defaultValue={values.toCountry ?? "US"} maxLength={2} aria-invalid={invalid("toCountry")} className={`${input} uppercase`} />
            {error("toCountry")}
          </label>
          <label className={label}>
            <span className="font-medium text-slate-700">{t("toCity")}{optional}</span>
            <input name="toCity" defaultValue={values.toCity ?? ""} aria-invalid={invalid("toCity")} className={input} />
            {error("toCity")}
          </label>
          <label className={label}>
            <span className="font-medium text-slate-700">{t("toState")}{optional}</span>
            <input name="toState" defaultValue={values.toState ?? ""} aria-invalid={invalid("toState")} className={input} />
            {error("toState")}
          </label>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="residential" defaultChecked={values.residential === "on"} />
            {t("residential")}
          </label>
        </fieldset>

        <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="mb-1 text-sm font-semibold text-slate-700">{t("parcel")}</legend>
          <div className={label}>
            <span className="font-medium text-slate-700">{t("weight")}</span>
            <div className="flex gap-2">
              <input name="weight.value" inputMode="decimal" aria-label={t("weight")} defaultValue={values["weight.value"] ?? ""} aria-invalid={invalid("weight.value")} className={input} />
              <select name="weight.units" aria-label={t("weightUnit")} defaultValue={values["weight.units"] ?? "pounds"} className={`${input} w-20`}>
                {WEIGHT_UNITS.map((unit) => <option key={unit} value={unit}>{t(`units.${unit}`)}</option>)}
              </select>
            </div>
            {error("weight.value")}
            {error("weight.units")}
          </div>
          <div className={`${label} sm:col-span-2`}>
            <span className="font-medium text-slate-700">{t("dimensions")}{optional}</span>
            <div className="flex gap-2">
              {(["length", "width", "height"] as const).map((side) => (
                <input
                  key={side}
                  name={`dimensions.${side}`}
                  inputMode="decimal"
                  placeholder={t(side)}
                  aria-label={t(side)}
                  defaultValue={values[`dimensions.${side}`] ?? ""}
                  aria-invalid={invalid(`dimensions.${side}`)}
                  className={input}
                />
              ))}
              <select name="dimensions.units" aria-label={t("dimensionUnit")} defaultValue={values["dimensions.units"] ?? "inches"} className={`${input} w-20`}>
                {DIMENSION_UNITS.map((unit) => <option key={unit} value={unit}>{t(`units.${unit}`)}</option>)}
              </select>
            </div>
            {(["length", "width", "height", "units"] as const).map((part) => <span key={part}>{error(`dimensions.${part}`)}</span>)}
          </div>
          <label className={label}>
            <span className="font-medium text-slate-700">{t("confirmation")}</span>
            <select name="confirmation" defaultValue={values.confirmation ?? "none"} className={input}>
              {CONFIRMATIONS.map((value) => <option key={value} value={value}>{t(`confirmations.${value}`)}</option>)}
            </select>
            {error("confirmation")}
          </label>
          <label className={label}>
            <span className="font-medium text-slate-700">{t("packageType")}</span>
            <select name="packageCode" defaultValue={values.packageCode ?? "package"} className={input}>
              {packageCodes.map((code) => <option key={code} value={code}>{code.replaceAll("_", " ")}</option>)}
            </select>
            {error("packageCode")}
          </label>
        </fieldset>

        <button className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60" disabled={pending}>
          {pending ? t("quoting") : t("getRates")}
        </button>
      </form>

      {state.result && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">{t("results")}</h2>
          <RateTable result={state.result} messages={messages} locale={locale} />
        </section>
      )}
    </div>
  );
}
