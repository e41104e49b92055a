// The eval command's grading of one answer: what the question file asks for, and nothing it does not.
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/questions/answer-model.ts";
import { gradeAnswer, windowOf } from "../../src/questions/evaluation/grade-answer.ts";

const answer = (text: string) =>
  ({ text, found: true, intent: "content", deadlines: [], citations: [] }) as unknown as Answer;

describe("grading an answer", () => {
  it("passes when every fact and one of the alternatives are there; an empty list of alternatives asks for nothing", () => {
    expect(
      gradeAnswer(
        { id: "a", q: "?", today: "2026-01-01", all: ["tre veckor"], any: [] },
        answer("senast tre veckor före"),
      ),
    ).toEqual([]);
    expect(gradeAnswer({ id: "b", q: "?", today: "2026-01-01", any: ["maj", "juni"] }, answer("i april"))).toEqual([
      "none of maj|juni",
    ]);
  });

  it("takes an item given by month as due by the month's last day when it checks a window", () => {
    const listed = (date: string, submissionDate: string | null = null) =>
      ({ ...answer(""), intent: "deadlines", deadlines: [{ date, submissionDate }] }) as unknown as Answer;
    const march = { id: "w", q: "?", today: "2026-03-01", window: ["2026-03-01", "2026-03-31"] as [string, string] };
    expect(gradeAnswer(march, listed("2026-03"))).toEqual([]);
    expect(gradeAnswer(march, listed("2026-03-24"))).toEqual([]);
    expect(gradeAnswer(march, listed("2026-04"))).toEqual(["out of window 2026-04-30"]);
    // Material due inside the window for a meeting after it is due in the window.
    expect(gradeAnswer(march, listed("2026-04-07", "2026-03-24"))).toEqual([]);
  });
});

describe("a window as people write it", () => {
  it.each([
    [
      ["2026-03-01", "2026-03-31"],
      ["2026-03-01", "2026-03-31"],
    ],
    [{ from: "2026-03-01", to: "2026-03-31" }, ["2026-03-01", "2026-03-31"]],
    [["2026-03-01"], null],
    [{ from: "1 mars", to: "2026-03-31" }, null],
    ["mars", null],
  ])("%j → %j", (written, expected) => {
    expect(windowOf(written)).toEqual(expected);
  });

  it("a window it cannot read fails the question with the reason, instead of stopping the run", () => {
    const question = { id: "w", q: "?", today: "2026-03-01", window: { from: "mars", to: "april" } };
    expect(gradeAnswer(question as never, answer(""))).toEqual([
      "window must be [from, to] or { from, to } with ISO dates",
    ]);
  });
});
