import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">We couldn&apos;t find that page</h1>
      <p className="mt-3">
        The link may be old, or the address may have a typing mistake. These may help you find what you were looking for:
      </p>
      <form action="/hospitals" method="get" role="search" className="mt-4">
        <label htmlFor="nf-q" className="block font-semibold">
          Search hospitals by name, city or sarcoma type
        </label>
        <div className="mt-1 flex gap-2">
          <input id="nf-q" name="q" type="search" className="min-w-0 flex-1 rounded border border-slate-500 px-3 py-2" />
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Search
          </button>
        </div>
      </form>
      <ul className="mt-6 list-disc space-y-1 pl-6">
        <li>
          <Link href="/hospitals">All hospitals</Link>
        </li>
        <li>
          <Link href="/sarcomas">Types of sarcoma</Link>
        </li>
        <li>
          <Link href="/pathways">Treatment pathways</Link>
        </li>
        <li>
          <Link href="/">Home page</Link>
        </li>
      </ul>
    </div>
  );
}
