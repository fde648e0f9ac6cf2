import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// eslint.config.mjs keeps the folders of lib/ apart; this proves the rule fires (and does
// not fire on the imports the architecture allows), for aliased and relative paths alike.
const eslint = new ESLint();

async function restricted(filePath: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return result.messages.some((m) => m.ruleId === "no-restricted-imports");
}

describe("import boundaries", () => {
  it("keeps the HTTP edge out of pages and components", async () => {
    expect(await restricted("app/hospitals/page.tsx", 'import { x } from "@/lib/server/security";')).toBe(true);
    expect(await restricted("components/hospital-card.tsx", 'import { x } from "../lib/server/render-cache";')).toBe(true);
    expect(await restricted("proxy.ts", 'import { x } from "@/lib/server/security";')).toBe(false);
  });

  it("keeps build-time content code out of request-time code", async () => {
    expect(await restricted("lib/data/hospitals.ts", 'import { x } from "../content/schema";')).toBe(true);
    expect(await restricted("lib/present/format.ts", 'import { x } from "@/lib/content/schema";')).toBe(true);
    expect(await restricted("app/page.tsx", 'import { x } from "@/lib/content/build";')).toBe(true);
    expect(await restricted("lib/data/hospitals.ts", 'import { x } from "../domain";')).toBe(false);
    expect(await restricted("app/page.tsx", 'import { x } from "@/lib/data/hospitals";')).toBe(false);
  });

  it("keeps the content build from reading the store through the site's queries", async () => {
    expect(await restricted("lib/content/build.ts", 'import { x } from "../data/hospitals";')).toBe(true);
    expect(await restricted("lib/content/build.ts", 'import { x } from "../params/place-key";')).toBe(false);
  });
});
