import { describe, expect, it } from "vitest";
import { en } from "../../src/shared/messages/en.ts";
import { sv } from "../../src/shared/messages/sv.ts";
import { translate } from "../../src/shared/messages/translate.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message tables", () => {
  it("English has every Swedish message, with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });

  it("fills placeholders and leaves unknown ones visible rather than blank", () => {
    expect(translate("sv", "error.invalid_input", { detail: "datumet 2025-13-01" })).toBe(
      "Det där kunde jag inte tolka: datumet 2025-13-01",
    );
    expect(translate("en", "error.invalid_input")).toBe("I could not read that: {detail}");
  });
});
