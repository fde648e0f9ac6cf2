import { getHospital } from "@/lib/data/hospital-profile";
import { apiError, apiProfile } from "@/lib/present/open-data";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const h = /^[a-z0-9-]{1,100}$/.test(slug) ? await getHospital(slug) : null;
  if (!h) return apiError(404, "No hospital has that slug. GET /api/hospitals lists them all.");
  return Response.json(apiProfile(h));
}
