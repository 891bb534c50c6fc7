"use client";

import { useState } from "react";

/** A value shown once (a key, a secret, an invitation link), selectable whole, with a Copy button. */
export function CopyableValue({ value, testId, labels, label }: { value: string; testId: string; labels: { copy: string; copied: string }; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1">
      {label && <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</p>}
      <div className="flex flex-wrap items-center gap-2">
        <code className="block min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm break-all select-all" data-testid={testId}>
          {value}
        </code>
        <button
          type="button"
          onClick={() =>
            navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
        >
          {copied ? labels.copied : labels.copy}
        </button>
      </div>
    </div>
  );
}
