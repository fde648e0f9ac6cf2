import type { MetadataRoute } from "next";
import { config } from "@/lib/config";
import { listHospitalSlugs } from "@/lib/data/hospital-profile";
import { listNetworkSlugs } from "@/lib/data/networks";
import { listPathwaySlugs } from "@/lib/data/pathways";
import { listSarcomaSlugs } from "@/lib/data/sarcomas";
import { listTreatmentSlugs } from "@/lib/data/treatments";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = config().SITE_URL;
  const [hospitals, sarcomas, treatments, pathways, networks] = await Promise.all([
    listHospitalSlugs(),
    listSarcomaSlugs(),
    listTreatmentSlugs(),
    listPathwaySlugs(),
    listNetworkSlugs(),
  ]);
  const paths = [
    "/",
    "/hospitals",
    "/sarcomas",
    "/treatments",
    "/pathways",
    "/networks",
    "/support",
    "/glossary",
    "/about",
    ...hospitals.map((s) => `/hospitals/${s}`),
    ...sarcomas.map((s) => `/sarcomas/${s}`),
    ...treatments.map((s) => `/treatments/${s}`),
    ...pathways.map((s) => `/pathways/${s}`),
    ...networks.map((s) => `/networks/${s}`),
  ];
  return paths.map((p) => ({ url: `${base}${p}` }));
}
