"use client";

import { useState } from "react";

/**
 * On a phone the filters would fill the first screen: they wait behind a "Filters" button and
 * open as a full-screen drawer. From `sm` up they are always shown in place.
 */
export function FiltersDrawer({ label, closeLabel, activeCount, children }: { label: string; closeLabel: string; activeCount: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-expanded={open}
        aria-controls="order-filters"
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 sm:hidden"
        data-testid="open-filters"
      >
        {label}
        {activeCount > 0 && <span className="ml-2 rounded-full bg-brand-100 px-2 text-xs text-brand-700">{activeCount}</span>}
      </button>
      <div
        id="order-filters"
        role={open ? "dialog" : undefined}
        aria-modal={open || undefined}
        aria-label={open ? label : undefined}
        className={open ? "fixed inset-0 z-40 overflow-y-auto bg-slate-50 p-4 sm:static sm:z-auto sm:overflow-visible sm:bg-transparent sm:p-0" : "hidden sm:block"}
        data-testid="filters-drawer"
      >
        {open && (
          <div className="mb-3 flex items-center justify-between sm:hidden">
            <p className="font-semibold">{label}</p>
            <button type="button" onClick={() => setOpen(false)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm" data-testid="close-filters">
              {closeLabel}
            </button>
          </div>
        )}
        {children}
      </div>
    </div>
  );
}
