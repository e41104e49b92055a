import { describe, expect, it } from "vitest";
import { CardRenderer, type CardTemplateName } from "../../src/adapters/teams/card-renderer.ts";
import { helpCardData } from "../../src/adapters/teams/cards/help-card.ts";
import { welcomeCardData } from "../../src/adapters/teams/cards/welcome-card.ts";
import { deadlinesCardData } from "../../src/adapters/teams/cards/deadlines-card.ts";
import type { Answer } from "../../src/questions/answer-model.ts";
import type { Language } from "../../src/shared/language.ts";

const renderer = new CardRenderer();

// Every template in cards/ with its data model, filled for each language.
const examples: Record<CardTemplateName, (language: Language) => object> = {
  welcome: (language) => welcomeCardData(language),
  help: (language) => helpCardData(language, { inSharedConversation: true }),
  deadlines: (language) => deadlinesCardData(exampleDeadlineAnswer(language), () => "KAN–DSO 2027"),
};

function exampleDeadlineAnswer(language: Language): Answer {
  const item = {
    date: "2027-05-26",
    meetingDate: "2027-05-26",
    submissionDate: "2027-05-05",
    submissionRule: "3 veckor före sammanträdet",
    title: "Uppföljning av grunduppdraget",
    assignment: "Grunduppdrag Vuxenutbildning",
    assignmentNumber: "3.1",
    assignmentKind: "grunduppdrag" as const,
    assignmentId: "a1",
    section: "3.2",
    form: "written" as const,
    recipient: null,
    period: "tertial 1 2027",
    periodCode: "T1",
    occasion: null,
    channel: null,
    agreement: { id: "kan-dso-2027", title: "Överenskommelse 2027", year: 2027, source: "x.docx", committee: "KAN" },
  };
  return {
    question: "vad ska redovisas i maj?",
    language,
    intent: "deadlines",
    found: true,
    text: "Redovisningar i maj 2027 (1 st):",
    deadlines: [item],
    groups: [{ date: item.date, past: false, items: [item] }],
    scope: "i maj 2027",
    citations: [],
    answeredYear: 2027,
    composedBy: "extractive",
  };
}

describe("card templates", () => {
  it("every template in cards/ has a typed data model and an example here", () => {
    expect(renderer.templateNames().sort()).toEqual(Object.keys(examples).sort());
  });

  it.each(Object.keys(examples).flatMap((name) => (["sv", "en"] as const).map((language) => [name, language] as const)))(
    "%s binds every placeholder (%s)",
    (name, language) => {
      const card = renderer.render(name as CardTemplateName, examples[name as CardTemplateName](language));
      const json = JSON.stringify(card);
      expect(json).not.toContain("${");
      expect(card).toMatchObject({ type: "AdaptiveCard", version: expect.stringMatching(/^1\.[4-6]$/) });
    },
  );
});
