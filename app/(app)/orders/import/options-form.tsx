"use client";

import { useMemo } from "react";
import type { DateOrder } from "@/lib/csv/values";
import { WEIGHT_UNITS, type WeightUnit } from "@/lib/weights";
import type { CsvLabelKey, CsvT } from "./translator";
import type { ImportOptions } from "./worker-protocol";

const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const labelClass = "flex flex-col gap-1 text-xs font-medium text-slate-600";

/** Whether the merchant chooses the date order, or the file's dates settled it. */
export interface DateOrderChoice {
  ask: boolean;
  dateOrder?: DateOrder;
}

export interface StoreChoice {
  id: number;
  name: string;
}

/** Whether the merchant chooses the decimal separator, or the file's numbers settled it. */
export interface NumberFormatChoice {
  ask: boolean;
  decimalComma?: boolean;
}

/** How to read the file: where its orders go, its dates' zone and order, its numbers and weights, what a blank cell means. */
export function OptionsForm({ t, stores, storeId, onStore, options, dateChoice, numberChoice, onChange }: {
  t: CsvT;
  stores: StoreChoice[];
  storeId: number;
  onStore: (storeId: number) => void;
  options: ImportOptions;
  dateChoice: DateOrderChoice;
  numberChoice: NumberFormatChoice;
  onChange: (options: ImportOptions) => void;
}) {
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf("timeZone");
    return all.includes(options.timeZone) ? all : [options.timeZone, ...all];
  }, [options.timeZone]);
  const set = <K extends keyof ImportOptions>(key: K, value: ImportOptions[K]) => onChange({ ...options, [key]: value });

  return (
    <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
      <legend className="px-1 text-sm font-semibold">{t("options.title")}</legend>
      <label className={labelClass}>
        {t("options.store")}
        <select value={storeId} onChange={(event) => onStore(Number(event.target.value))} className={control}>
          {stores.map((store) => (
            <option key={store.id} value={store.id}>
              {store.name}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        {t("options.timeZone")}
        <select value={options.timeZone} onChange={(event) => set("timeZone", event.target.value)} className={control}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, " ")}
            </option>
          ))}
        </select>
        <span className="font-normal text-slate-500">{t("options.timeZoneHint")}</span>
      </label>
      {dateChoice.ask && (
        <label className={labelClass}>
          {t("options.dateOrder")}
          <select value={options.dateOrder} onChange={(event) => set("dateOrder", event.target.value === "DMY" ? "DMY" : "MDY")} className={control}>
            <option value="MDY">{t("options.mdy")}</option>
            <option value="DMY">{t("options.dmy")}</option>
          </select>
        </label>
      )}
      {!dateChoice.ask && dateChoice.dateOrder && (
        <p className="text-xs text-slate-600" data-testid="csv-date-order">
          {t(`options.dateOrderFromFile.${dateChoice.dateOrder}`)}
        </p>
      )}
      {numberChoice.ask && (
        <label className={labelClass}>
          {t("options.decimalSeparator")}
          <select value={options.decimalComma ? "comma" : "point"} onChange={(event) => set("decimalComma", event.target.value === "comma")} className={control}>
            <option value="point">{t("options.decimalPoint")}</option>
            <option value="comma">{t("options.decimalComma")}</option>
          </select>
        </label>
      )}
      {!numberChoice.ask && numberChoice.decimalComma && (
        <p className="text-xs text-slate-600" data-testid="csv-decimal-comma">
          {t("options.decimalCommaFromFile")}
        </p>
      )}
      <label className={labelClass}>
        {t("options.weightUnit")}
        <select value={options.weightUnit} onChange={(event) => set("weightUnit", event.target.value as WeightUnit)} className={control}>
          {WEIGHT_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {t(`options.units.${unit}` as CsvLabelKey)}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        {t("options.blankCells")}
        <select value={options.blankCells} onChange={(event) => set("blankCells", event.target.value === "clear" ? "clear" : "keep")} className={control}>
          <option value="keep">{t("options.blankKeep")}</option>
          <option value="clear">{t("options.blankClear")}</option>
        </select>
      </label>
    </fieldset>
  );
}
