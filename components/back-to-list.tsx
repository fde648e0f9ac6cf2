"use client";

import { useSearchParams } from "next/navigation";

/**
 * "Back to the list" keeping the parent's filters, which ride along in the profile's query
 * string. Profiles are prerendered, so the server cannot see that query: without
 * JavaScript this links to the whole list (and the browser's Back button keeps the filters).
 */
export function BackToList() {
  const query = useSearchParams().toString();
  return <a href={query ? `/hospitals?${query}` : "/hospitals"}>← Back to the list of hospitals</a>;
}

export function BackToListFallback() {
  return <a href="/hospitals">← Back to the list of hospitals</a>;
}
