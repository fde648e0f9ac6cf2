import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// One page of each type through the Nu Html Checker (vnu-jar from npm, run with Java).
const PAGES = {
  home: "/",
  listing: "/hospitals?city=london&view=map",
  profile: "/hospitals/great-ormond-street",
  sarcoma: "/sarcomas/alveolar-rhabdomyosarcoma",
  treatment: "/treatments/proton-beam-therapy",
  pathway: "/pathways/newly-diagnosed-rhabdomyosarcoma",
  search: "/search?q=rms",
  compare: "/compare?h=great-ormond-street&h=uclh&near=leeds",
  glossary: "/glossary",
  support: "/support",
  pack: "/pack?h=great-ormond-street&h=royal-marsden-sutton&pathway=newly-diagnosed-rhabdomyosarcoma",
  about: "/about",
  "not-found": "/no-such-page",
};

test("one page of each type is valid HTML", async ({ request }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(tmpdir(), "csd-vnu-"));
  const files: string[] = [];
  for (const [name, url] of Object.entries(PAGES)) {
    const file = path.join(dir, `${name}.html`);
    writeFileSync(file, await (await request.get(url)).text());
    files.push(file);
  }
  const jar = path.resolve("node_modules/vnu-jar/build/dist/vnu.jar");
  let output = "";
  try {
    execFileSync("java", ["-jar", jar, "--errors-only", "--format", "json", ...files], { stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    output = String((error as { stderr?: Buffer }).stderr ?? error);
  }
  const messages = output ? (JSON.parse(output) as { messages: { url: string; message: string; lastLine?: number }[] }).messages : [];
  expect(messages.map((m) => `${path.basename(m.url)}:${m.lastLine}: ${m.message}`)).toEqual([]);
});
