import { describe, expect, it } from "vitest";
import { commandCatalog } from "../../src/conversation/command-catalog.ts";
import { interpretMessage } from "../../src/conversation/interpret-message.ts";

describe("reading a chat message", () => {
  it("recognises help in Swedish and answers in Swedish", () => {
    expect(interpretMessage("hjälp")).toEqual({ kind: "command", command: "help", argument: "", language: "sv" });
    expect(interpretMessage("  Hjälp!  ")).toMatchObject({ kind: "command", command: "help", language: "sv" });
    expect(interpretMessage("vad kan du göra?")).toMatchObject({ kind: "command", command: "help", language: "sv" });
  });

  it("recognises help in English and answers in English, even when the person usually writes Swedish", () => {
    expect(interpretMessage("help", "sv")).toMatchObject({ kind: "command", command: "help", language: "en" });
    expect(interpretMessage("What can you do?", "sv")).toMatchObject({ kind: "command", command: "help", language: "en" });
  });

  it("does not mistake a word that only starts like a command for the command", () => {
    expect(interpretMessage("helpdesk hours?")).toMatchObject({ kind: "text" });
    expect(interpretMessage("menyval i VP")).toMatchObject({ kind: "text" });
  });

  it("keeps free text as it was written and detects its language", () => {
    expect(interpretMessage("What is due before 2025-05-28?")).toEqual({
      kind: "text",
      text: "What is due before 2025-05-28?",
      language: "en",
    });
    expect(interpretMessage("Vad är målgruppen för Jobbtorg?")).toMatchObject({ kind: "text", language: "sv" });
  });

  it("treats an empty message (a bare mention) as empty, in the person's known language", () => {
    expect(interpretMessage("   ", "en")).toEqual({ kind: "empty", language: "en" });
    expect(interpretMessage(undefined)).toEqual({ kind: "empty", language: "sv" });
  });

  it("has phrases in both languages for every command", () => {
    for (const command of commandCatalog) {
      expect(command.phrases.sv.length, command.id).toBeGreaterThan(0);
      expect(command.phrases.en.length, command.id).toBeGreaterThan(0);
    }
  });
});
