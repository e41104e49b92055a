// The search index is built beside the requests, not by them: a question during a rebuild waits a
// bounded time, then is answered from the previous index (saying so) or told to ask again.
import { describe, expect, it } from "vitest";
import { prepareCorpus, prepareCorpusGradually } from "../../src/questions/prepared-corpus.ts";
import { QuestionEngine } from "../../src/questions/question-engine.ts";
import type { QuestionCorpus, QuestionCorpusSource } from "../../src/questions/question-corpus.ts";

function corpusWith(documentId: string, heading: string, text: string): QuestionCorpus {
  return {
    documents: [
      {
        documentId,
        agreementId: null,
        title: `Riktlinje ${documentId}`,
        source: `${documentId}.txt`,
        year: 2027,
        committee: null,
        committeeCode: null,
        division: null,
        divisionCode: null,
        municipality: null,
      },
    ],
    sections: [{ documentId, ordinal: 0, number: "1", heading, level: 1, text }],
    passages: [
      {
        documentId,
        ordinal: 0,
        section: 0,
        block: 0,
        position: 0,
        kind: "sentence",
        text,
        label: null,
        context: null,
        terms: "",
      },
    ],
    deadlines: [],
    economyLines: [],
  };
}

const snow = corpusWith("d1", "Snöröjning", "Snöröjningen av gång- och cykelvägar sker före klockan sju.");
const both: QuestionCorpus = (() => {
  const lamps = corpusWith("d2", "Gatubelysning", "Trasig gatubelysning lagas inom fem arbetsdagar.");
  return {
    ...snow,
    documents: [...snow.documents, ...lamps.documents],
    sections: [...snow.sections, ...lamps.sections],
    passages: [...snow.passages, ...lamps.passages],
  };
})();

/** A corpus source whose next load can be held back, as a large corpus or a slow database would. */
function controllableSource(first: QuestionCorpus) {
  let stamp = "1";
  let corpus = first;
  let gate: Promise<void> = Promise.resolve();
  let loads = 0;
  const source: QuestionCorpusSource = {
    corpusStamp: async () => stamp,
    loadCorpus: async () => {
      loads += 1;
      const current = corpus;
      await gate;
      return current;
    },
  };
  return {
    source,
    loads: () => loads,
    /** An import: the corpus changes, and loading it waits until `release` is called. */
    importHeldBack(next: QuestionCorpus): () => void {
      stamp = String(Number(stamp) + 1);
      corpus = next;
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
  };
}

const today = "2027-03-01";

describe("the question engine builds its index off the request path", () => {
  it("answers a question asked during a slow rebuild from the previous index, and says so", async () => {
    const store = controllableSource(snow);
    const engine = new QuestionEngine(store.source, { indexWaitMs: 30 });
    const before = await engine.answer("Vad gäller för snöröjningen?", { today });
    expect(before.found).toBe(true);
    expect(before.text).not.toContain("senaste importen");

    const release = store.importHeldBack(both);
    const during = await engine.answer("Vad gäller för snöröjningen?", { today });
    expect(during.found).toBe(true);
    expect(during.text).toContain("klockan sju");
    expect(during.text).toContain("före den senaste importen");
    // The new document is not known yet …
    expect((await engine.answer("Vad gäller för trasig gatubelysning?", { today })).found).toBe(false);

    release();
    // … and is, once the rebuild is done; the rebuild was shared, not repeated per question.
    await engine.corpus();
    const after = await engine.answer("Vad gäller för trasig gatubelysning?", { today });
    expect(after.found).toBe(true);
    expect(after.text).toContain("fem arbetsdagar");
    expect(after.text).not.toContain("senaste importen");
    expect(store.loads()).toBe(2);
  });

  it("tells the person to ask again in a moment when no index exists yet, in their language", async () => {
    const store = controllableSource(snow);
    const release = store.importHeldBack(snow);
    const engine = new QuestionEngine(store.source, { indexWaitMs: 20 });
    const swedish = await engine.answer("Vad gäller för snöröjningen?", { today });
    expect(swedish.found).toBe(false);
    expect(swedish.text).toMatch(/läser just nu in överenskommelserna/);
    const english = await engine.answer("When is the snow cleared?", { today });
    expect(english.text).toMatch(/reading the agreements right now/);
    release();
    expect((await engine.answer("Vad gäller för snöröjningen?", { today })).found).toBe(true);
  });

  it("lets a one-shot caller (the CLI) wait for the index however long it takes", async () => {
    const store = controllableSource(snow);
    const release = store.importHeldBack(snow);
    const engine = new QuestionEngine(store.source, { indexWaitMs: Number.POSITIVE_INFINITY });
    const asked = engine.answer("Vad gäller för snöröjningen?", { today });
    // Longer than any finite wait in these tests; the question is still waiting, not told to come back.
    await new Promise((resolve) => setTimeout(resolve, 60));
    release();
    const answer = await asked;
    expect(answer.found).toBe(true);
    expect(answer.text).toContain("klockan sju");
  });

  it("builds in slices, pausing between documents, to the same index as in one go", async () => {
    const many: QuestionCorpus = { documents: [], sections: [], passages: [], deadlines: [], economyLines: [] };
    for (let n = 0; n < 12; n++) {
      const one = corpusWith(`d${n}`, `Avsnitt ${n}`, `Snöröjning i område ${n} sker före klockan ${n}.`);
      many.documents.push(...one.documents);
      many.sections.push(...one.sections);
      many.passages.push(...one.passages);
    }
    let pauses = 0;
    // A slice of 0 ms: a pause after every document, and one before the index is assembled.
    const gradual = await prepareCorpusGradually(many, undefined, async () => void (pauses += 1), 0);
    expect(pauses).toBe(13);
    const whole = prepareCorpus(many);
    expect(gradual.index.passages.map((p) => [p.id, p.documentId, p.keys.join(" ")])).toEqual(
      whole.index.passages.map((p) => [p.id, p.documentId, p.keys.join(" ")]),
    );
  });
});
