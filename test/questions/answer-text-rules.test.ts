// How a derived due date's rule reads: numbers up to twelve in words in Swedish running text, and
// the rule in English for an English reader.
import { describe, expect, it } from "vitest";
import { ruleInWords, submissionRuleNote } from "../../src/questions/answer-text.ts";

describe("a submission rule in words", () => {
  it.each([
    ["3 veckor före sammanträdet", "sv", "tre veckor före sammanträdet"],
    ["1 vecka före sammanträdet", "sv", "en vecka före sammanträdet"],
    ["10 arbetsdagar före sammanträdet", "sv", "tio arbetsdagar före sammanträdet"],
    ["14 dagar före sammanträdet", "sv", "14 dagar före sammanträdet"],
    ["3 veckor före sammanträdet", "en", "three weeks before the meeting"],
    ["1 arbetsdag före sammanträdet", "en", "one working day before the meeting"],
    ["21 dagar före sammanträdet", "en", "21 days before the meeting"],
    // A rule the reader wrote otherwise is shown as it is.
    ["senast den 15:e i månaden", "en", "senast den 15:e i månaden"],
  ] as const)("%s (%s) → %s", (rule, language, expected) => {
    expect(ruleInWords(rule, language)).toBe(expected);
  });

  it("says nothing when the date was stated in the text", () => {
    expect(submissionRuleNote({ submissionRule: "stated" })).toBe("");
    expect(submissionRuleNote({ submissionRule: null })).toBe("");
    expect(submissionRuleNote({ submissionRule: "2 veckor före sammanträdet" }, "sv")).toBe(
      " (två veckor före sammanträdet)",
    );
  });
});
