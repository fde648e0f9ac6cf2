import type { ReactNode } from "react";
import { MAX_NEAR_LENGTH } from "@/lib/params/near-query";

/** The "Your town, city or ZIP code" field, the same wherever distances can be measured. */
export function NearField({ id, defaultValue }: { id: string; defaultValue?: string | null }) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        Your town, city or ZIP code
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        We list the nearest hospitals first. For example: Stockport, Galway, Boulder or 80203.
      </p>
      <input
        id={id}
        name="near"
        type="text"
        defaultValue={defaultValue ?? ""}
        maxLength={MAX_NEAR_LENGTH}
        autoComplete="address-level2"
        aria-describedby={`${id}-hint`}
        className="mt-1 w-full min-w-0 rounded border border-slate-500 bg-white px-3 py-2"
      />
    </div>
  );
}

/**
 * A GET form around NearField: works without JavaScript, and the answer is a shareable
 * URL (`near=stockport-gb`). `children` are the form's other fields (hidden or shown).
 */
export function NearBox({
  id,
  action,
  defaultValue,
  button = "Find the nearest hospitals",
  children,
}: {
  id: string;
  action: "/" | "/hospitals" | "/compare";
  defaultValue?: string | null;
  button?: string;
  children?: ReactNode;
}) {
  return (
    <form action={action} method="get" className="no-print mt-4 max-w-xl space-y-3 rounded-md border border-slate-300 p-4" aria-label="Hospitals near you">
      <NearField id={id} defaultValue={defaultValue} />
      {children}
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {button}
      </button>
    </form>
  );
}
