import { describe, expect, it } from "vitest";
import { displayName, sameName } from "../../src/people/display-name.ts";

describe("names shown and compared without invisible characters", () => {
  it("removes variation selectors from the supplement (U+E0100–E01EF) like those of the basic block", () => {
    expect(displayName("An\u{E0100}na Andersson")).toBe("Anna Andersson");
    expect(displayName("Anna\uFE0F Andersson")).toBe("Anna Andersson");
    expect(sameName("Anna\u{E01EF} Andersson", "Anna Andersson")).toBe(true);
  });
});
