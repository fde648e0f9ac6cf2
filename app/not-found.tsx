import { SearchBox } from "@/components/search-box";

export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">We couldn&apos;t find that page</h1>
      <p className="mt-3">The link may be old, or the address may have a typing mistake. These may help you find what you were looking for:</p>
      <SearchBox id="nf-q" label="Search hospitals by name, city or sarcoma type" action="/hospitals" />
      <ul className="mt-6 list-disc space-y-1 pl-6">
        <li>
          <a href="/hospitals">All hospitals</a>
        </li>
        <li>
          <a href="/sarcomas">Types of sarcoma</a>
        </li>
        <li>
          <a href="/pathways">Treatment pathways</a>
        </li>
        <li>
          <a href="/">Home page</a>
        </li>
      </ul>
    </div>
  );
}
