import type { NextRequest } from "next/server";
import { listHospitals } from "@/lib/data/hospitals";
import { nearNotices, readListingRequest } from "@/lib/data/listing-request";
import { apiError, apiListing, toRawParams } from "@/lib/present/open-data";
import { hospitalQueryString } from "@/lib/params/search-params";

export async function GET(request: NextRequest) {
  const { filters, notices, near, from } = await readListingRequest(toRawParams(request.nextUrl.searchParams));
  // Unlike the page, the API refuses what it cannot use: a program should hear about it.
  const problems = [...notices, ...nearNotices(near)];
  if (problems.length > 0) return apiError(400, "Some query parameters could not be used.", problems);
  const listing = await listHospitals(filters);
  if (filters.page > listing.pageCount && listing.total > 0) {
    return apiError(400, `There is no page ${filters.page}; the last page is ${listing.pageCount}.`, [{ param: "page", message: "Page out of range." }]);
  }
  const body = apiListing(listing, from, (page) => `/api/hospitals${hospitalQueryString({ ...filters, view: "list", page })}`);
  return Response.json(body);
}
