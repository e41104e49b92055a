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
    expect(interpretMessage("What can you do?", "sv")).toMatchObject({
      kind: "command",
      command: "help",
      language: "en",
    });
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

describe("greetings and asking what the bot can do", () => {
  it.each([
    ["Hi, what can you do?", "en"],
    ["Hello!", "en"],
    ["hey there", "en"],
    ["Good morning, how does this work?", "en"],
    ["Who are you?", "en"],
    ["What can you help me with?", "en"],
    ["Hej! Vad kan du?", "sv"],
    ["Hej", "sv"],
    ["hejsan, vad kan du hjälpa till med?", "sv"],
    ["Hallå boten", "sv"],
    ["God morgon! Hur funkar det?", "sv"],
    ["Vem är du?", "sv"],
  ])("%s → help in %s", (text, language) => {
    expect(interpretMessage(text, language === "sv" ? "en" : "sv")).toEqual({
      kind: "command",
      command: "help",
      argument: "",
      language,
    });
  });

  it("reads what follows a greeting as the command or question it is", () => {
    expect(interpretMessage("Hej, status 3.1")).toMatchObject({ kind: "command", command: "status", argument: "3.1" });
    expect(interpretMessage("Hi, what is due before 2025-05-28?")).toEqual({
      kind: "text",
      text: "what is due before 2025-05-28?",
      language: "en",
    });
    expect(interpretMessage("Hej! När ska Jobbtorg redovisas?")).toMatchObject({
      kind: "text",
      text: "När ska Jobbtorg redovisas?",
      language: "sv",
    });
  });

  it("keeps a question that merely starts like a help phrase a question", () => {
    expect(interpretMessage("vad kan du säga om målgruppen för Jobbtorg?")).toMatchObject({ kind: "text" });
    expect(interpretMessage("hejdå")).toMatchObject({ kind: "text" });
    expect(interpretMessage("Highlights of 2025?")).toMatchObject({ kind: "text" });
  });
});
