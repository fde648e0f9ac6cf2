// Formatters are made once: toLocaleString with options builds a new one on every call,
// which showed as a tenth of a listing page's render time.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const numberFormat = new Intl.NumberFormat("en-GB");

/** "2026-11-23" -> "23 November 2026". Dates are calendar dates, so format them in UTC. */
export function formatDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat.format(d);
}

/** 1234 -> "1,234". */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** "Rhabdomyosarcoma" -> "rhabdomyosarcoma", but "MRI" and "Ewing sarcoma" keep their capitals. */
export function lowerFirst(name: string): string {
  return /^[A-Z][a-z]/.test(name) && !/^Ewing/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}
