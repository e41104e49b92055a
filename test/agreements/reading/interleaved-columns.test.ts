// A two-column table whose lines came out interleaved across its columns (first line of each cell,
// second line of each, …): each row is put back together as two cells, and the assignments it
// names are read whole.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { continuation, splitRow } from "../../../src/agreements/reading/interleaved-columns.ts";
import { readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";

function tablesOf(text: string) {
  const structure = buildBlocks(normaliseLines(text, { dictionary: null, positionedLines: null }).lines, null);
  return {
    rows: structure.blocks.flatMap((b) => (b.kind === "table" ? b.rows.map((r) => r.cells) : [])),
    titles: readAssignments(structure).assignments.map((a) => `${a.number} ${a.title}`),
  };
}

const header = "5 Särskilda uppdrag\n\nSärskilt uppdrag\nRapportering till\n";

describe("columns interleaved line by line", () => {
  it.each([
    [
      "both cells as long",
      ["5.1 Ta fram en plan för att minska", "Nämnden.", "skolfrånvaron.", "Skriftlig rapport 2025-04-23."],
      ["5.1 Ta fram en plan för att minska", "skolfrånvaron."],
    ],
    [
      "the title cell shorter: the rest is the reporting cell",
      [
        "5.2 Utreda en modell för",
        "Nämnden.",
        "modersmålsundervisning.",
        "Muntlig information",
        "2025-02-19, skriftlig",
        "slutrapport 2025-12-",
        "17.",
      ],
      ["5.2 Utreda en modell för", "modersmålsundervisning."],
    ],
    [
      "the reporting cell shorter: the rest is the title cell",
      [
        "5.3 Kartlägga lokalerna",
        "Nämnden 2025-09-17.",
        "och ta fram en plan.",
        "Skriftlig rapport.",
        "Planen ska omfatta alla",
        "förskolor.",
      ],
      ["5.3 Kartlägga lokalerna", "och ta fram en plan.", "Planen ska omfatta alla", "förskolor."],
    ],
  ])("a row is split where its lines read on best: %s", (_scenario, lines, left) => {
    const split = splitRow(lines, 1);
    expect(split.left).toEqual(left);
    expect(split.right).toEqual(lines.filter((l) => !left.includes(l)));
  });

  it.each([
    ["a date the wrap broke", "sammanträdet 2025-", "10-22.", 2],
    ["a word the wrap broke", "lokal-", "försörjningsplan", 2],
    ["a sentence going on", "en plan för att minska", "skolfrånvaron", 1],
    ["a new sentence after a full stop", "Nämnden.", "Skriftlig rapport", 1],
    ["lower case after a full stop", "Nämnden.", "skolfrånvaron", -1],
    ["a broken date that does not go on", "sammanträdet 2025-", "elevhälsan", -1],
  ])("%s scores %s", (_scenario, previous, next, score) => {
    expect(continuation(previous, next)).toBe(score);
  });

  it("gives back a table of whole rows, whose assignments keep their whole titles", () => {
    const text = `${header}5.1 Ta fram en handlingsplan för att minska
Barn- och utbildningsnämnden.
problematisk skolfrånvaro i grundskolan.
Skriftlig rapport vid
Planen ska bygga på tidiga signaler.
sammanträdena 2025-04-23 och 2025-
10-22.
5.2 Kartlägga förskolans lokaler och ta fram
Barn- och utbildningsnämnden och
en lokalförsörjningsplan för 2026–2030.
kommunstyrelsens planeringsutskott.
Muntlig rapport vid nämndens
sammanträde 2025-09-17.

6 Ekonomi
`;
    const { rows, titles } = tablesOf(text);
    expect(rows).toEqual([
      [
        "5.1 Ta fram en handlingsplan för att minska problematisk skolfrånvaro i grundskolan. Planen ska bygga på tidiga signaler.",
        "Barn- och utbildningsnämnden. Skriftlig rapport vid sammanträdena 2025-04-23 och 2025-10-22.",
      ],
      [
        "5.2 Kartlägga förskolans lokaler och ta fram en lokalförsörjningsplan för 2026–2030.",
        "Barn- och utbildningsnämnden och kommunstyrelsens planeringsutskott. Muntlig rapport vid nämndens sammanträde 2025-09-17.",
      ],
    ]);
    expect(titles).toEqual([
      "5.1 Ta fram en handlingsplan för att minska problematisk skolfrånvaro i grundskolan",
      "5.2 Kartlägga förskolans lokaler och ta fram en lokalförsörjningsplan för 2026–2030",
    ]);
  });

  it.each([
    ["a single row", `${header}5.1 Ta fram en plan\nNämnden.\nför skolan.\nRapport 2025-04-23.\n`],
    ["rows of one line each", `${header}5.1 Ta fram en plan.\n5.2 Utreda en modell.\n`],
    [
      "prose after the header",
      `${header}Nämnden ger uppdragen.\n5.1 Ta fram en plan.\nNämnden.\n5.2 Utreda.\nRapport.\n`,
    ],
    [
      "lines that read on as they came",
      `${header}5.1 Ta fram en plan för att minska
skolfrånvaron i grundskolan.
Rapport 2025-04-23.
5.2 Utreda en modell för
modersmålsundervisning.
Rapport 2025-05-21.
`,
    ],
  ])("leaves the lines as they are for %s", (_scenario, text) => {
    expect(tablesOf(text).rows).toEqual([]);
  });
});
