/** Previous / numbered / next links; plain links, so it works without JavaScript. */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter((p) => p === 1 || p === pageCount || Math.abs(p - page) <= 2);
  return (
    <nav aria-label="Pages of results" className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev" className="inline-block px-2 py-1">
              Previous page
            </a>
          </li>
        ) : null}
        {pages.map((p, i) => (
          <li key={p} className="flex items-center gap-2">
            {i > 0 && p - pages[i - 1] > 1 ? <span aria-hidden="true">…</span> : null}
            {p === page ? (
              <span aria-current="page" className="inline-block rounded bg-brand-700 px-3 py-1 font-semibold text-white">
                <span className="sr-only">Page </span>
                {p}
              </span>
            ) : (
              <a href={href(p)} className="inline-block px-3 py-1">
                <span className="sr-only">Page </span>
                {p}
              </a>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <a href={href(page + 1)} rel="next" className="inline-block px-2 py-1">
              Next page
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
