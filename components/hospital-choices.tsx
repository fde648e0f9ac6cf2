import type { ReactNode } from "react";
import { MAX_COMPARE } from "@/lib/params/search-params";

/**
 * Inside a GET form: the hospitals already chosen (as hidden `h` fields) and, while there is
 * room for more, a list to add one from. `children` go under the list (a hint).
 */
export function HospitalChoices({
  id,
  chosen,
  options,
  children,
}: {
  id: string;
  chosen: string[];
  options: ReadonlyMap<string, string>;
  children?: ReactNode;
}) {
  return (
    <>
      {chosen.map((s) => (
        <input key={s} type="hidden" name="h" value={s} />
      ))}
      {chosen.length < MAX_COMPARE ? (
        <div>
          <label htmlFor={id} className="block">
            Add a hospital
          </label>
          <select id={id} name="h" defaultValue="" className="mt-1 w-full rounded border border-slate-500 bg-white px-3 py-2">
            <option value="">Choose a hospital</option>
            {[...options]
              .filter(([s]) => !chosen.includes(s))
              .map(([s, name]) => (
                <option key={s} value={s}>
                  {name}
                </option>
              ))}
          </select>
          {children}
        </div>
      ) : null}
    </>
  );
}
