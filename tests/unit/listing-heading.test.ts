import { describe, expect, it } from "vitest";
import { NO_FILTERS, type Vocabulary } from "@/lib/params/search-params";
import { describeResult } from "@/lib/present/listing-heading";

const none = NO_FILTERS;
const vocab: Vocabulary = {
  city: new Map([
    ["leeds", "Leeds"],
    ["london", "London"],
  ]),
  country: new Map([["norway", "Norway"]]),
  tumor: new Map([
    ["rhabdomyosarcoma", "Rhabdomyosarcoma"],
    ["synovial-sarcoma", "Synovial sarcoma"],
  ]),
  service: new Map([
    ["proton-beam-therapy", "Proton beam therapy"],
    ["fertility-preservation", "Fertility preservation"],
  ]),
};

describe("the listing's heading", () => {
  it("counts every hospital when nothing is chosen", () => {
    expect(describeResult(1234, none, vocab, null)).toBe("1,234 hospitals");
  });

  it("says places with 'or', types with 'or' and services with 'and', by their names", () => {
    const f = { ...none, city: ["leeds", "london"], country: ["norway"], tumor: ["rhabdomyosarcoma", "synovial-sarcoma"] };
    expect(describeResult(3, f, vocab, null)).toBe("3 hospitals in Leeds, London or Norway that treat rhabdomyosarcoma or synovial sarcoma");
    expect(describeResult(2, { ...none, service: ["proton-beam-therapy", "fertility-preservation"] }, vocab, null)).toBe(
      "2 hospitals with proton beam therapy and fertility preservation",
    );
  });

  it("agrees with one hospital", () => {
    expect(describeResult(1, { ...none, tumor: ["rhabdomyosarcoma"] }, vocab, null)).toBe("1 hospital that treats rhabdomyosarcoma");
  });

  it("quotes the search words, and says the order only when sorted by distance", () => {
    expect(describeResult(2, { ...none, q: "royal" }, vocab, null)).toBe("2 hospitals matching “royal”");
    expect(describeResult(2, { ...none, near: "leeds", sort: "distance" }, vocab, "Leeds, England")).toBe("2 hospitals, nearest to Leeds, England first");
    expect(describeResult(2, { ...none, near: "leeds", sort: "name" }, vocab, "Leeds, England")).toBe("2 hospitals");
  });

  it("shows a slug it has no name for rather than nothing", () => {
    expect(describeResult(0, { ...none, city: ["nowhere"] }, vocab, null)).toBe("0 hospitals in nowhere");
  });
});
