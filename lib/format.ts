/** "2026-11-23" -> "23 November 2026". Dates are calendar dates, so format them in UTC. */
export function formatDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

/** "Rhabdomyosarcoma" -> "rhabdomyosarcoma", but "MRI" and "Ewing sarcoma" keep their capitals. */
export function lowerFirst(name: string): string {
  return /^[A-Z][a-z]/.test(name) && !/^Ewing/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}
