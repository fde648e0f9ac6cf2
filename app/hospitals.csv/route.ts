import type { NextRequest } from "next/server";
import { getVocabulary, listHospitals } from "@/lib/hospitals";
import { apiError, hospitalsCsv, toRawParams } from "@/lib/open-data";
import { parseHospitalParams } from "@/lib/search-params";

const ALL = 100_000;

export async function GET(request: NextRequest) {
  const { filters, notices } = parseHospitalParams(toRawParams(request.nextUrl.searchParams), await getVocabulary());
  if (notices.length > 0) return apiError(400, "Some query parameters could not be used.", notices);
  const listing = await listHospitals({ ...filters, page: 1 }, ALL);
  return new Response(hospitalsCsv(listing.items, request.nextUrl.origin), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="hospitals.csv"',
      "Cache-Control": "public, max-age=300",
    },
  });
}
