import { formatDate } from "@/lib/present/format";

/** When a record was checked, when it is due again, and who checked it: on every content page. */
export function ReviewNote({ reviewed, nextReview, reviewedBy }: { reviewed: string; nextReview: string; reviewedBy: string | null }) {
  const today = new Date().toISOString().slice(0, 10);
  const overdue = nextReview < today;
  return (
    <aside aria-label="Review status" className="mt-6 rounded-md border border-slate-300 bg-slate-50 p-4 text-sm">
      <p>
        <strong>Last reviewed:</strong> <time dateTime={reviewed}>{formatDate(reviewed)}</time>. <strong>Next review due:</strong>{" "}
        <time dateTime={nextReview}>{formatDate(nextReview)}</time>
        {overdue ? " (overdue: some details may have changed)" : ""}.
      </p>
      <p className="mt-1">
        {reviewedBy ? `Clinically reviewed by ${reviewedBy}.` : "Compiled from public sources by the directory team. Not reviewed by a clinician."}{" "}
        <a href="/about">How we check facts</a>.
      </p>
    </aside>
  );
}
