// The eval command's grading of one answer: what the question file asks for, and nothing it does not.
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/questions/answer-model.ts";
import { gradeAnswer } from "../../src/questions/evaluation/grade-answer.ts";

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
});
