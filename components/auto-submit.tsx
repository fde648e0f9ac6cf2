import { InlineScript } from "./inline-script";

/**
 * Progressive enhancement for a filter form: with JavaScript on, changing a checkbox,
 * option button or list shows the new results at once; a list marked `data-manual` waits
 * for the button. Without JavaScript, the form's button does the same. Placed after the form's fields, so the form exists when it runs.
 */
export function AutoSubmit({ formId, nonce }: { formId: string; nonce?: string | null }) {
  const code = `(function(){var f=document.getElementById(${JSON.stringify(formId)});if(f)f.addEventListener("change",function(e){var t=e.target;if(t instanceof Element&&t.matches("input[type=checkbox],input[type=radio],select:not([data-manual])"))f.requestSubmit()})})()`;
  return <InlineScript code={code} nonce={nonce} />;
}
