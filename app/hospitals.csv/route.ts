import type { NextRequest } from "next/server";
import { config } from "@/lib/config";
import { listHospitals } from "@/lib/data/hospitals";
import { nearNotices, readListingRequest } from "@/lib/data/listing-request";
import { apiError, hospitalsCsv, toRawParams } from "@/lib/present/open-data";

const ALL = 100_000;

export async function GET(request: NextRequest) {
  const { filters, notices, near } = await readListingRequest(toRawParams(request.nextUrl.searchParams));
  const problems = [...notices, ...nearNotices(near)];
  if (problems.length > 0) return apiError(400, "Some query parameters could not be used.", problems);
  const listing = await listHospitals({ ...filters, page: 1 }, ALL);
  // The public origin, not the request's Host header: the answer is kept by URL and shared.
  return new Response(hospitalsCsv(listing.items, config().SITE_URL), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="hospitals.csv"',
    },
  });
}
