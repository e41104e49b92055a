// Semantic retrieval beside the words: the passages nearest the question's vector join the lexical
// candidates and may come first, but whether anything answers is still decided by the question's words.
import { describe, expect, it } from "vitest";
import { answerFromCorpus } from "../../src/questions/answer-question.ts";
import { passageTerms } from "../../src/questions/passage-terms.ts";
import {
  decodeVector,
  embeddingTextOf,
  encodeVector,
  type PassageEmbedder,
  unitVector,
} from "../../src/questions/passage-vectors.ts";
import { prepareCorpus } from "../../src/questions/prepared-corpus.ts";
import type { QuestionCorpus, QuestionCorpusSource } from "../../src/questions/question-corpus.ts";
import { QuestionEngine } from "../../src/questions/question-engine.ts";
import { fakeEmbedding } from "../support/fake-embeddings-server.ts";

const sections = [
  ["Papperskorgar i parker", "Papperskorgarna i parken töms en gång i veckan."],
  ["Säsongsarbete", "Under semesterperioden juni till augusti töms papperskorgarna i parken varje dag."],
  ["Gräs", "Gräset i parken klipps varannan vecka."],
  ["Lekplatser", "Lekplatserna besiktas en gång per år."],
  ["Bänkar", "Parkbänkarna målas om vart femte år."],
] as const;

const vectorOf = (text: string) => unitVector(Float32Array.from(fakeEmbedding(text)));

/** A park maintenance plan, one sentence per section; with `vectors`, each passage has the fake model's vector. */
function parkCorpus(vectors: boolean): QuestionCorpus {
  return {
    documents: [
      {
        documentId: "park",
        agreementId: null,
        title: "Skötselplan för parker",
        source: "skotselplan.txt",
        year: null,
        committee: null,
        committeeCode: null,
        division: null,
        divisionCode: null,
        municipality: null,
      },
    ],
    sections: sections.map(([heading, text], i) => ({
      documentId: "park",
      ordinal: i,
      number: String(i + 1),
      heading,
      level: 1,
      text,
    })),
    passages: sections.map(([heading, text], i) => ({
      documentId: "park",
      ordinal: i,
      section: i,
      block: i,
      position: 0,
      kind: "sentence" as const,
      text,
      label: null,
      context: null,
      terms: passageTerms(text).join(" "),
      ...(vectors
        ? {
            vector: vectorOf(
              embeddingTextOf({ ordinal: i, kind: "sentence", text, label: null, context: null, heading }),
            ),
          }
        : {}),
    })),
    deadlines: [],
    economyLines: [],
    ...(vectors ? { vectors: { model: "fake", documentsWithout: 0 } } : {}),
  };
}

const today = { today: "2026-06-01" } as const;
const summerQuestion = "Hur ofta töms papperskorgarna i parken på sommaren?";

describe("hybrid ranking", () => {
  const prepared = prepareCorpus(parkCorpus(true));

  it("by words alone the weekly emptying comes first; with the question's vector, the one for June to August", () => {
    const lexical = answerFromCorpus(prepared, summerQuestion, today);
    expect(lexical.found).toBe(true);
    expect(lexical.citations[0]?.quote).toBe("Papperskorgarna i parken töms en gång i veckan.");
    const hybrid = answerFromCorpus(prepared, summerQuestion, today, null, { vector: vectorOf(summerQuestion) });
    expect(hybrid.found).toBe(true);
    expect(hybrid.citations[0]?.quote).toMatch(/^Under semesterperioden juni till augusti/);
    // The weekly emptying is still there, after it: the vector reorders, it does not hide.
    expect(hybrid.citations.map((c) => c.quote)).toContain("Papperskorgarna i parken töms en gång i veckan.");
  });

  it("a question whose words the plan does not hold stays unanswered, however near a passage's vector is", () => {
    for (const question of ["Vilka evenemang ordnas i parken på sommaren?", "Vad kostar en ny fontän?"]) {
      const vector = vectorOf(question);
      expect(answerFromCorpus(prepared, question, today).found).toBe(false);
      expect(answerFromCorpus(prepared, question, today, null, { vector }).found).toBe(false);
    }
  });

  it("vectors are stored as little-endian Float32 and read back the same", () => {
    const vector = Float32Array.from([0.25, -1.5, 3e-7, 42]);
    const bytes = encodeVector(vector);
    expect(bytes.length).toBe(16);
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 128, 62]); // 0.25 = 0x3e800000, low byte first
    expect([...decodeVector(bytes)]).toEqual([...vector]);
  });

  it("a table row is embedded with its section heading and its label", () => {
    expect(
      embeddingTextOf({
        ordinal: 3,
        kind: "tableRow",
        text: "minst 20 deltagare",
        label: "Målgrupp",
        context: "Indikator | Mål",
        heading: "Jobbtorg",
      }),
    ).toBe("Jobbtorg\nIndikator | Mål\nMålgrupp: minst 20 deltagare");
  });
});

/** The fake model in process, counting calls; `failing` makes every call fail as a server that is down would. */
function countingEmbedder(options: { failing?: boolean } = {}) {
  const calls: string[][] = [];
  const embedder: PassageEmbedder = {
    model: "fake",
    embed: async (texts) => {
      calls.push(texts);
      if (options.failing) throw new Error("connect ECONNREFUSED 127.0.0.1:9");
      return texts.map((t) => Float32Array.from(fakeEmbedding(t)));
    },
  };
  return { embedder, calls };
}

const source = (corpus: QuestionCorpus): QuestionCorpusSource => ({
  corpusStamp: async () => "1",
  loadCorpus: async () => corpus,
});

describe("the question engine with embeddings", () => {
  it("embeds each question once, with the short question timeout, and answers from the hybrid ranking", async () => {
    const { embedder, calls } = countingEmbedder();
    const timeouts: Array<number | undefined> = [];
    const timed: PassageEmbedder = {
      model: embedder.model,
      embed: (texts, options) => {
        timeouts.push(options?.timeoutMs);
        return embedder.embed(texts, options);
      },
    };
    const engine = new QuestionEngine(source(parkCorpus(true)), { semantic: { embedder: timed, timeoutMs: 2000 } });
    const answer = await engine.answer(summerQuestion, today);
    expect(calls).toEqual([[summerQuestion]]);
    expect(timeouts).toEqual([2000]);
    expect(answer.citations[0]?.quote).toMatch(/^Under semesterperioden/);
  });

  it("when the embeddings server fails, questions are answered from their words and the failure is reported once", async () => {
    const { embedder, calls } = countingEmbedder({ failing: true });
    const errors: unknown[] = [];
    const engine = new QuestionEngine(source(parkCorpus(true)), {
      semantic: { embedder, timeoutMs: 2000, onError: (error) => errors.push(error) },
    });
    const lexical = answerFromCorpus(prepareCorpus(parkCorpus(false)), summerQuestion, today);
    const first = await engine.answer(summerQuestion, today);
    const second = await engine.answer(summerQuestion, today);
    expect(calls.length).toBe(2);
    expect(errors.length).toBe(1);
    expect(first.text).toBe(lexical.text);
    expect(second.citations).toEqual(lexical.citations);
  });

  it("without vectors in the corpus the server is not asked, and missing vectors are asked for", async () => {
    const { embedder, calls } = countingEmbedder();
    let missing = 0;
    const withoutVectors = { ...parkCorpus(false), vectors: { model: "fake", documentsWithout: 1 } };
    const engine = new QuestionEngine(source(withoutVectors), {
      semantic: { embedder, timeoutMs: 2000, onMissingVectors: () => missing++ },
    });
    const answer = await engine.answer(summerQuestion, today);
    expect(calls).toEqual([]);
    expect(missing).toBe(1);
    expect(answer.citations[0]?.quote).toBe("Papperskorgarna i parken töms en gång i veckan.");
  });
});
