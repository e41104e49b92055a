// The optional language-model mode against a local fake OpenAI-compatible server (loopback only).
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpenAiAnswerComposer } from "../../src/adapters/llm/openai-answer-composer.ts";
import { QuestionEngine } from "../../src/questions/question-engine.ts";
import type { QuestionCorpus } from "../../src/questions/question-corpus.ts";

const corpus: QuestionCorpus = {
  documents: [
    {
      documentId: "d1",
      agreementId: "von-dvo-2027",
      title: "Överenskommelse 2027 VON–DVO",
      source: "von.docx",
      year: 2027,
      committee: "Vård- och omsorgsnämnden",
      committeeCode: "VON",
      division: "Division Vård och omsorg",
      divisionCode: "DVO",
      municipality: null,
    },
  ],
  sections: [
    {
      documentId: "d1",
      ordinal: 0,
      number: "2.1",
      heading: "Hemtjänst",
      level: 2,
      text: "Målgrupp\tPersoner över 65 år med beslut om hemtjänst.",
    },
  ],
  passages: [
    {
      documentId: "d1",
      ordinal: 0,
      section: 0,
      block: 1,
      position: 0,
      kind: "tableRow",
      text: "Personer över 65 år med beslut om hemtjänst.",
      label: "Målgrupp",
      context: null,
      terms: "",
    },
  ],
  deadlines: [],
  economyLines: [],
};

describe("optional language-model answers", () => {
  let server: Server;
  let url: string;
  const requests: Array<{ headers: Record<string, unknown>; body: { messages: Array<{ content: string }> } }> = [];
  let reply: { status: number; content: string } = { status: 200, content: "" };
  beforeAll(async () => {
    server = createServer((req, res) => {
      let data = "";
      req.on("data", (chunk) => (data += chunk));
      req.on("end", () => {
        requests.push({ headers: req.headers, body: JSON.parse(data) });
        res.writeHead(reply.status, { "content-type": "application/json" });
        res.end(JSON.stringify({ choices: [{ message: { content: reply.content } }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const source = { corpusStamp: async () => "1", loadCorpus: async () => corpus };

  it("words the answer from the retrieved passages only, keeping the citations", async () => {
    reply = { status: 200, content: "Hemtjänsten är till för personer över 65 år [1]." };
    const engine = new QuestionEngine(source, {
      composer: new OpenAiAnswerComposer({ endpoint: url, apiKey: "test-key", model: "m", timeoutMs: 5000 }),
    });
    const answer = await engine.answer("vad är målgruppen för hemtjänsten?", { today: "2027-02-01" });
    expect(answer).toMatchObject({
      found: true,
      composedBy: "llm",
      citations: [{ section: "2.1", agreement: "von-dvo-2027" }],
    });
    expect(answer.text).toContain("över 65 år [1]");
    expect(answer.text).toContain("Formulerat av en språkmodell");
    const request = requests.at(-1)!;
    expect(request.headers.authorization).toBe("Bearer test-key");
    expect(request.body.messages[1]!.content).toContain("Personer över 65 år med beslut om hemtjänst.");
  });

  it("says not found when the model finds the passages do not answer", async () => {
    reply = { status: 200, content: "NOT_FOUND" };
    const engine = new QuestionEngine(source, {
      composer: new OpenAiAnswerComposer({ endpoint: url, model: "m", timeoutMs: 5000 }),
    });
    const answer = await engine.answer("vad är målgruppen för hemtjänsten?", { today: "2027-02-01" });
    expect(answer).toMatchObject({ found: false, citations: [] });
  });

  it("falls back to the extractive answer when the endpoint fails, and never calls it for unanswerable questions", async () => {
    reply = { status: 500, content: "" };
    const errors: unknown[] = [];
    const engine = new QuestionEngine(source, {
      composer: new OpenAiAnswerComposer({ endpoint: url, apiKey: "k", apiVersion: "2024-10-21", timeoutMs: 5000 }),
      onComposerError: (e) => errors.push(e),
    });
    const answer = await engine.answer("vad är målgruppen för hemtjänsten?", { today: "2027-02-01" });
    expect(answer).toMatchObject({ found: true, composedBy: "extractive" });
    expect(answer.text).toContain("Personer över 65 år");
    expect(errors).toHaveLength(1);
    expect(requests.at(-1)!.headers["api-key"]).toBe("k");
    const before = requests.length;
    const none = await engine.answer("vad kostar parkeringen?", { today: "2027-02-01" });
    expect(none.found).toBe(false);
    expect(requests.length).toBe(before);
  });
});
