"use client";

import { useEffect } from "react";

/**
 * Progressive enhancement for the filter form: with JavaScript on, changing a checkbox or
 * choice shows the new results at once. Without it, the form's button does the same.
 */
export function AutoSubmit({ formId }: { formId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const onChange = (event: Event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && (target.type === "checkbox" || target.type === "radio")) form.requestSubmit();
      else if (target instanceof HTMLSelectElement) form.requestSubmit();
    };
    form.addEventListener("change", onChange);
    return () => form.removeEventListener("change", onChange);
  }, [formId]);
  return null;
}
