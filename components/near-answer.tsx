import type { NearAnswer, NearPlace } from "@/lib/data/near";

function PlaceLinks({ places, href }: { places: NearPlace[]; href: (near: string) => string }) {
  return (
    <ul className="mt-1 list-disc pl-6">
      {places.map((p) => (
        <li key={p.near}>
          <a href={href(p.near)}>{p.label}</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * What a typed place was understood as: the place distances are measured from (said once,
 * with "as the crow flies"), a choice where the name is shared, or why nothing was found.
 * `href` makes the link that measures from another place, keeping the page's other choices.
 */
export function NearAnswerNote({
  answer,
  href,
  withoutDistances = "The hospitals below are in order of name.",
}: {
  answer: NearAnswer;
  href: (near: string) => string;
  /** What the page shows instead when no place was found. */
  withoutDistances?: string;
}) {
  if (answer.status === "found") {
    const { place, how, others } = answer;
    return (
      <div role="status" className="mt-4 rounded-md border border-brand-700 bg-brand-50 p-4">
        <p>
          Showing distances from <strong>{place.label}</strong>, as the crow flies (in a straight line, not by road).
        </p>
        {how === "spelling" ? <p className="mt-1">We found no place spelled &ldquo;{answer.asked}&rdquo;, so we used the nearest spelling.</p> : null}
        {how === "likeliest" ? (
          <p className="mt-1">Other places share the name &ldquo;{answer.asked}&rdquo;; we used the one with by far the most people.</p>
        ) : null}
        {others.length > 0 ? (
          <>
            <p className="mt-2">Did you mean another place?</p>
            <PlaceLinks places={others} href={href} />
          </>
        ) : null}
      </div>
    );
  }
  if (answer.status === "choose") {
    return (
      <div role="status" className="mt-4 rounded-md border border-amber-700 bg-amber-50 p-4">
        <h2 className="font-semibold">Which &ldquo;{answer.asked}&rdquo; do you mean?</h2>
        <p className="mt-1">Several places have this name. Choose yours, and we will list the nearest hospitals to it.</p>
        <PlaceLinks places={answer.options} href={href} />
      </div>
    );
  }
  return (
    <div role="status" className="mt-4 rounded-md border border-amber-700 bg-amber-50 p-4">
      <h2 className="font-semibold">We could not measure distances</h2>
      <p className="mt-1">{answer.message}</p>
      {answer.suggestions.length > 0 ? (
        <>
          <p className="mt-2">Places with a similar spelling:</p>
          <PlaceLinks places={answer.suggestions} href={href} />
        </>
      ) : null}
      <p className="mt-2 text-sm">{withoutDistances}</p>
    </div>
  );
}
