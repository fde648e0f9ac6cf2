/** A GET search form: works without JavaScript, and the result is a shareable URL. */
export function SearchBox({
  id,
  label,
  action,
  defaultValue,
  placeholder,
  compact = false,
}: {
  id: string;
  label: string;
  action: "/search" | "/hospitals";
  defaultValue?: string;
  placeholder?: string;
  compact?: boolean;
}) {
  return (
    <form action={action} method="get" role="search" className={compact ? "no-print flex gap-1 sm:order-last" : "mt-4 max-w-xl"}>
      <label htmlFor={id} className={compact ? "sr-only" : "block font-semibold"}>
        {label}
      </label>
      <div className={compact ? "contents" : "mt-1 flex gap-2"}>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={100}
          placeholder={placeholder}
          className={
            compact ? "w-full min-w-0 rounded border border-slate-500 bg-white px-2 py-1 sm:w-44" : "min-w-0 flex-1 rounded border border-slate-500 px-3 py-2"
          }
        />
        <button type="submit" className={`rounded bg-brand-700 font-semibold text-white hover:bg-brand-800 ${compact ? "px-3 py-1" : "px-4 py-2"}`}>
          Search
        </button>
      </div>
    </form>
  );
}
