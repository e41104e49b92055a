// The role a follow-up table's column plays, from its header's words: the reader decides by it
// which cell is the report, which its meeting and which the day its papers are due.
import { describe, expect, it } from "vitest";
import { columnRoleOf } from "../../../src/shared/lexicon/agreement-vocabulary.ts";
import { fold } from "../../../src/shared/text/fold.ts";

describe("column roles from header words", () => {
  it.each([
    ["Vad", "what"],
    ["Sammanträde", "when"],
    ["Nämndmöte", "when"],
    ["Form", "how"],
    ["Till vem", "recipient"],
    ["Underlag senast", "due"],
    ["Handlingar till nämndsekreteraren senast", "due"],
    ["Underlag till sakkunnig senast", "due"],
    ["Material till presidiet senast", "due"],
    ["Sista dag för skriftligt underlag", "due"],
    ["Ersättning, tkr", "amount"],
    ["Kommentar", "description"],
    ["Rad", "unknown"],
    ["Senast uppdaterad av", "unknown"],
  ])("%s → %s", (header, role) => {
    expect(columnRoleOf(fold(header))).toBe(role);
  });
});
