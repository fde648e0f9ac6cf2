import type { ReactNode } from "react";
import type { Notice } from "@/lib/params/search-params";

/** What a link asked for that the page could not use, in words; nothing when all was used. */
export function Notices({ notices, heading, footer }: { notices: Notice[]; heading?: string; footer?: ReactNode }) {
  if (notices.length === 0) return null;
  return (
    <div role="status" className="no-print mt-4 rounded-md border border-amber-700 bg-amber-50 p-4">
      {heading ? <h2 className="font-semibold">{heading}</h2> : null}
      <ul className={heading ? "mt-1 list-disc pl-6" : "list-disc pl-6"}>
        {notices.map((n, i) => (
          <li key={i}>{n.message}</li>
        ))}
      </ul>
      {footer ? <p className="mt-1 text-sm">{footer}</p> : null}
    </div>
  );
}
