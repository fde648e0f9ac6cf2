import type { NextRequest } from "next/server";
import { getVocabulary, listHospitals } from "@/lib/hospitals";
import { apiError, apiListing, toRawParams } from "@/lib/open-data";
import { hospitalQueryString, parseHospitalParams } from "@/lib/search-params";

export async function GET(request: NextRequest) {
  const { filters, notices } = parseHospitalParams(toRawParams(request.nextUrl.searchParams), await getVocabulary());
  // Unlike the page, the API refuses what it cannot use: a program should hear about it.
  if (notices.length > 0) return apiError(400, "Some query parameters could not be used.", notices);
  const listing = await listHospitals(filters);
  if (filters.page > listing.pageCount && listing.total > 0) {
    return apiError(400, `There is no page ${filters.page}; the last page is ${listing.pageCount}.`, [{ param: "page", message: "Page out of range." }]);
  }
  const body = apiListing(listing, (page) => `/api/hospitals${hospitalQueryString({ ...filters, view: "list", page })}`);
  return Response.json(body, { headers: { "Cache-Control": "public, max-age=300" } });
}
