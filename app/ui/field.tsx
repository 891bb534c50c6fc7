/** A labelled input with its hint and errors wired up for screen readers. */
export function Field({
  label,
  name,
  type = "text",
  hint,
  errors,
  defaultValue,
  autoComplete,
  required,
}: {
  label: string;
  name: string;
  type?: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
}) {
  const describedBy = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 aria-invalid:border-red-500"
      />
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${name}-error`} className="text-xs text-red-600">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}
