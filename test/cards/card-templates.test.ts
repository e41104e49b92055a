import { describe, expect, it } from "vitest";
import { CardRenderer, type CardTemplateName } from "../../src/adapters/teams/card-renderer.ts";
import { helpCardData } from "../../src/adapters/teams/cards/help-card.ts";
import { welcomeCardData } from "../../src/adapters/teams/cards/welcome-card.ts";
import type { Language } from "../../src/shared/language.ts";

const renderer = new CardRenderer();

// Every template in cards/ with its data model, filled for each language.
const examples: Record<CardTemplateName, (language: Language) => object> = {
  welcome: (language) => welcomeCardData(language),
  help: (language) => helpCardData(language, { inSharedConversation: true }),
};

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
