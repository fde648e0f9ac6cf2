import { describe, expect, it } from "vitest";
import { termsUsed } from "@/lib/present/terms-used";

const glossary = [
  { slug: "mdt", term: "Multidisciplinary team", aliases: ["MDT"] },
  { slug: "phase-1-trial", term: "Phase 1 trial", aliases: ["phase I"] },
  { slug: "biopsy", term: "Biopsy", aliases: [] },
  { slug: "rms", term: "Rhabdomyosarcoma", aliases: ["RMS"] },
];

describe("termsUsed", () => {
  it("finds a term or alias named as a whole word, in any case, and a term a passage links", () => {
    const found = termsUsed(["Will the MDT meet?", 'See <a href="/glossary#biopsy">the sample</a>.', "a phase i study"], glossary);
    expect(found.map((t) => t.slug)).toEqual(["mdt", "phase-1-trial", "biopsy"]);
  });

  it("does not find a term inside another word, or a shorter alias inside a longer one", () => {
    expect(termsUsed(["FORMS to fill in", "a phase II trial", "biopsy-free"], glossary).map((t) => t.slug)).toEqual(["biopsy"]);
    expect(termsUsed(["biopsies"], glossary)).toEqual([]);
  });

  it("treats characters that mean something in a pattern as plain text", () => {
    expect(termsUsed(["(a+b)"], [{ slug: "x", term: "a+b", aliases: ["[c]"] }]).map((t) => t.slug)).toEqual(["x"]);
  });
});
