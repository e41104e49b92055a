import { describe, expect, it } from "vitest";
import { CardRenderer, type CardTemplateName } from "../../src/adapters/teams/card-renderer.ts";
import { helpCardData } from "../../src/adapters/teams/cards/help-card.ts";
import { welcomeCardData } from "../../src/adapters/teams/cards/welcome-card.ts";
import { deadlinesCardData } from "../../src/adapters/teams/cards/deadlines-card.ts";
import type { Answer } from "../../src/questions/answer-model.ts";
import type { Language } from "../../src/shared/language.ts";
import {
  noticeCardData,
  reminderCardData,
  reopenRequestCardData,
  statusFormCardData,
  statusOverviewCardData,
  statusReceiptCardData,
} from "../../src/adapters/teams/cards/status-cards.ts";
import type { ReportableAssignment, StoredStatusUpdate } from "../../src/status/status-model.ts";
import { summaryCardData } from "../../src/adapters/teams/cards/summary-card.ts";
import type { Summary } from "../../src/summaries/summary-model.ts";
import { digestCardData } from "../../src/adapters/teams/cards/digest-card.ts";
import type { Digest } from "../../src/digest/digest-model.ts";
import { reviewCardData, reviewFormCardData } from "../../src/adapters/teams/cards/review-card.ts";
import type { AgreementSummary } from "../../src/agreements/agreement-store.ts";

const renderer = new CardRenderer();

// Every template in cards/ with its data model, filled for each language.
const examples: Record<CardTemplateName, (language: Language) => object> = {
  welcome: (language) => welcomeCardData(language),
  help: (language) => helpCardData(language, { inSharedConversation: true }),
  deadlines: (language) =>
    deadlinesCardData(exampleDeadlineAnswer(language), () => "KAN–DSO 2027", { canReport: () => true }),
  "status-overview": (language) =>
    statusOverviewCardData(language, [
      {
        assignment: exampleAssignment,
        next: exampleAssignment.points[0],
        nextUpdate: exampleUpdate,
        lastPassed: exampleAssignment.points[1],
        lastPassedUpdate: undefined,
        overdue: [exampleAssignment.points[1]!],
        latest: exampleUpdate,
      },
      {
        assignment: exampleAssignment,
        next: undefined,
        nextUpdate: undefined,
        lastPassed: exampleAssignment.points[0],
        lastPassedUpdate: exampleUpdate,
        overdue: [],
        latest: exampleUpdate,
      },
    ]),
  "status-form": (language) =>
    statusFormCardData(language, {
      assignment: exampleAssignment,
      today: "2027-04-01",
      values: { status: "at_risk", text: "Åtta av tio platser är tillsatta.", women_1: "x" },
      errors: { women_1: { key: "status.error.figure", params: { value: "x" } } },
      idempotencyKey: "key-0000-0001",
    }),
  "status-receipt": (language) =>
    statusReceiptCardData(language, {
      update: exampleUpdate,
      assignment: exampleAssignment,
      today: "2027-04-01",
      history: [
        {
          version: 1,
          status: "on_track",
          text: "Start.",
          indicatorValues: [],
          editor: { aadObjectId: "a", name: "Anna Andersson" },
          editedAt: new Date("2027-03-01T08:00:00Z"),
        },
        {
          version: 2,
          status: "at_risk",
          text: exampleUpdate.text,
          indicatorValues: exampleUpdate.indicatorValues,
          editor: { aadObjectId: "a", name: "Anna Andersson" },
          editedAt: new Date("2027-03-02T08:00:00Z"),
        },
      ],
    }),
  "status-reminder": (language) =>
    reminderCardData(language, {
      deliveryKey: "k",
      recipient: { tenantId: "t", aadObjectId: "a", name: "Anna" },
      agreement: exampleAssignment.agreement,
      dueDate: "2027-05-05",
      daysLeft: 7,
      daysBefore: 7,
      items: [{ assignment: exampleAssignment, point: exampleAssignment.points[0]! }],
    }),
  "status-reopen-request": (language) =>
    reopenRequestCardData(language, {
      update: exampleUpdate,
      assignment: exampleAssignment,
      requester: "Anna Andersson",
    }),
  notice: (language) => noticeCardData(language, "Du har inte behörighet.", { title: "Status", back: true }),
  digest: (language) => digestCardData(language, exampleDigest),
  "import-review": (language) =>
    reviewCardData(language, {
      agreement: exampleAgreement,
      items: Array.from({ length: 20 }, (_, i) => ({
        ...exampleDeadlineAnswer(language).deadlines![0]!,
        key: `item-${i}`,
        confirmed: i % 3 === 0,
        origin: i === 1 ? ("corrected" as const) : ("read" as const),
      })),
      page: 2,
      key: "key-0000-0003",
      notice: { text: "Ny överenskommelse inläst.", colour: "Good" },
    }),
  "review-item-form": (language) =>
    reviewFormCardData(language, {
      agreement: exampleAgreement,
      item: exampleDeadlineAnswer(language).deadlines![0]!,
      page: 1,
      key: "key-0000-0004",
      problem: "bad_date",
    }),
  summary: (language) =>
    summaryCardData(language, exampleSummary, {
      page: 1,
      links: {
        word: "http://127.0.0.1:3978/downloads/summary?x=1",
        markdown: "http://127.0.0.1:3978/downloads/summary?x=2",
      },
    }),
};

const exampleAgreement: AgreementSummary = {
  id: "kan-dso-2027",
  title: "Överenskommelse 2027",
  committee: "Kompetens- och arbetsmarknadsnämnden",
  committeeCode: "KAN",
  division: "Division Social omsorg",
  divisionCode: "DSO",
  year: 2027,
  diarienummer: null,
  decisionDate: null,
  version: 1,
  source: "x.docx",
  importedAt: new Date("2027-01-10T08:00:00Z"),
  counts: { sections: 4, assignments: 3, indicators: 2, reportingItems: 20, datedReportingItems: 20, economyLines: 0 },
};

const exampleDigest: Digest = {
  week: "2027-W20",
  today: "2027-05-17",
  horizonDays: 14,
  recipient: {
    key: "person:t/a",
    kind: "person",
    name: "Anna",
    tenantId: "t",
    aadObjectId: "a",
    committeeCodes: ["KAN"],
  },
  committees: ["KAN"],
  agreements: ["kan-dso-2027"],
  upcoming: [
    {
      date: "2027-05-26",
      kind: "meeting",
      title: "Uppföljning av grunduppdraget",
      agreementId: "kan-dso-2027",
      assignment: "Grunduppdrag Vuxenutbildning",
    },
  ],
  overdue: [
    {
      dueDate: "2027-05-05",
      title: "Uppföljning",
      agreementId: "kan-dso-2027",
      assignment: "3.1 Grunduppdrag Vuxenutbildning",
    },
  ],
  updates: [
    {
      agreementId: "kan-dso-2027",
      assignment: "3.1 Grunduppdrag Vuxenutbildning",
      status: "at_risk",
      excerpt: "Åtta av tio platser.",
      author: "Anna Andersson",
      updatedAt: new Date("2027-05-12T08:00:00Z"),
      version: 1,
    },
  ],
  quiet: false,
};

const exampleSummary: Summary = {
  agreement: {
    id: "kan-dso-2027",
    title: "Överenskommelse 2027",
    year: 2027,
    committee: "Kompetens- och arbetsmarknadsnämnden",
    committeeCode: "KAN",
    division: "Division Social omsorg",
    divisionCode: "DSO",
  },
  period: "delar",
  year: 2027,
  range: { from: "2027-01-01", to: "2027-08-31" },
  asOf: "2027-09-15",
  overview: {
    assignments: 2,
    byStatus: { on_track: 1, at_risk: 0, delayed: 0, done: 0, none: 1 },
    items: { met: 1, missed: 1, upcoming: 0, afterPeriod: 0 },
  },
  entries: [
    {
      assignmentId: "as-1",
      number: "3.1",
      title: "Grunduppdrag Vuxenutbildning",
      kind: "grunduppdrag",
      section: "3.1",
      latest: {
        status: "on_track",
        text: "Alla platser tillsatta.",
        periodLabel: "sammanträde 2027-05-26 · T1",
        author: "Anna Andersson",
        updatedAt: new Date("2027-05-01T08:00:00Z"),
        version: 2,
      },
      statusTrail: ["at_risk", "on_track"],
      indicators: [{ name: "Antal deltagare i SFI", unit: "count", women: 40, men: 35, total: 75 }],
      items: [{ label: "sammanträde 2027-05-26 · T1", dueDate: "2027-05-05", state: "met" }],
      required: [{ title: "Grunduppdrag Vuxenutbildning", form: "written", channel: "Hypergene" }],
    },
    {
      assignmentId: "as-2",
      number: null,
      title: "Mål: Fler ska gå till arbete",
      kind: "mal_kf",
      section: "4.1",
      statusTrail: [],
      indicators: [],
      items: [{ label: "Delårsuppföljning 2027", dueDate: "2027-09-30", state: "missed" }],
      required: [],
    },
  ],
  generalRequirements: [{ title: "Ekonomisk uppföljning", form: "written", channel: null }],
  narratives: [{ area: "Grunduppdrag", text: "Verksamheten går enligt plan." }],
};

const exampleAssignment: ReportableAssignment = {
  id: "as-1",
  number: "3.1",
  title: "Grunduppdrag Vuxenutbildning",
  kind: "grunduppdrag",
  section: "3.1",
  agreement: {
    id: "kan-dso-2027",
    title: "Överenskommelse 2027",
    year: 2027,
    committeeCode: "KAN",
    divisionCode: "DSO",
  },
  indicators: [{ ordinal: 1, name: "Antal deltagare i SFI", splitBySex: true, unit: "count" }],
  points: [
    {
      key: "p1",
      title: "Uppföljning",
      date: "2027-05-26",
      meetingDate: "2027-05-26",
      submissionDate: "2027-05-05",
      dueDate: "2027-05-05",
      form: "written",
      occasion: null,
      periodCode: "T1",
      period: "tertial 1 2027",
      channel: null,
    },
    {
      key: "p0",
      title: "Uppföljning",
      date: "2027-02-10",
      meetingDate: "2027-02-10",
      submissionDate: null,
      dueDate: "2027-02-10",
      form: "oral",
      occasion: null,
      periodCode: "H",
      period: null,
      channel: null,
    },
  ],
};

const exampleUpdate: StoredStatusUpdate = {
  id: "su-1",
  agreementId: "kan-dso-2027",
  assignmentId: "as-1",
  reportingItemKey: "p1",
  periodLabel: "sammanträde 2027-05-26 · T1",
  dueDate: "2027-05-05",
  status: "at_risk",
  text: "Åtta av tio platser är tillsatta; rekrytering pågår.",
  indicatorValues: [{ indicator: "Antal deltagare i SFI", ordinal: 1, women: 40, men: 35, total: 75 }],
  version: 2,
  author: { tenantId: "t", aadObjectId: "a", name: "Anna Andersson" },
  createdAt: new Date("2027-03-01T08:00:00Z"),
  updatedAt: new Date("2027-03-02T08:00:00Z"),
  reopened: null,
};

function exampleDeadlineAnswer(language: Language): Answer {
  const item = {
    key: "3.1|2027-05-26|written|uppfoljningavgrunduppdr",
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
    recurrence: null,
    precision: "day" as const,
    description: "Skriftlig rapport (avser tertial 1 2027)",
    origin: "read" as const,
    confirmed: false,
    channel: null,
    agreement: {
      id: "kan-dso-2027",
      title: "Överenskommelse 2027",
      year: 2027,
      source: "x.docx",
      committee: "KAN",
      divisionCode: "DSO",
    },
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

  it.each(
    Object.keys(examples).flatMap((name) => (["sv", "en"] as const).map((language) => [name, language] as const)),
  )("%s binds every placeholder (%s)", (name, language) => {
    const card = renderer.render(name as CardTemplateName, examples[name as CardTemplateName](language));
    const json = JSON.stringify(card);
    expect(json).not.toContain("${");
    expect(card).toMatchObject({ type: "AdaptiveCard", version: expect.stringMatching(/^1\.[4-6]$/) });
  });
});

describe("the status form's text", () => {
  const inputs = (card: unknown): Array<Record<string, unknown>> => {
    const found: Array<Record<string, unknown>> = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if (typeof n.type === "string" && n.type.startsWith("Input.")) found.push(n);
      Object.values(n).forEach(walk);
    };
    walk(card);
    return found;
  };

  it("says the limit and never lets the client cut what was typed", () => {
    const long = "Ord ".repeat(600).trim(); // 2,399 characters
    const card = renderer.render(
      "status-form",
      statusFormCardData("sv", {
        assignment: exampleAssignment,
        today: "2027-04-01",
        values: { text: long },
        errors: { text: { key: "status.error.textTooLong", params: { length: long.length, max: 2000 } } },
        idempotencyKey: "key-0000-0002",
      }),
    );
    const text = inputs(card).find((i) => i.id === "text")!;
    expect(text.label).toMatch(/\(högst 2\s000 tecken\)$/);
    expect(text.value).toBe(long);
    expect(inputs(card).filter((i) => "maxLength" in i)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/Texten är 2\s399 tecken; högst 2\s000 får plats/);
  });
});

describe("buttons that post a message", () => {
  const submits = (card: unknown): Array<Record<string, unknown>> => {
    const found: Array<Record<string, unknown>> = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if (n.type === "Action.Submit") found.push(n);
      Object.values(n).forEach(walk);
    };
    walk(card);
    return found;
  };

  // imBack and msteams messageBack do nothing in the Agents Playground; a plain Action.Submit arrives in both as a message with the data as its value.
  it.each(Object.keys(examples) as CardTemplateName[])(
    "%s asks with plain Action.Submit data, which Teams and the Agents Playground both deliver",
    (name) => {
      for (const action of submits(renderer.render(name, examples[name]("sv")))) {
        expect(action.data, `${name}: ${String(action.title)}`).toEqual({ ask: expect.stringMatching(/\S/) });
      }
    },
  );

  it("offers the summary of each of the digest's agreements", () => {
    const card = renderer.render(
      "digest",
      digestCardData("sv", { ...exampleDigest, committees: ["KAN", "SN"], agreements: ["kan-du-2027", "sn-dso-2027"] }),
    );
    expect(submits(card).map((a) => [a.title, (a.data as { ask: string }).ask])).toEqual([
      ["Hela listan", "vad ska redovisas de kommande 4 veckorna?"],
      ["Sammanfattning kan-du-2027", "sammanfattning vår 2027 kan-du-2027"],
      ["Sammanfattning sn-dso-2027", "sammanfattning vår 2027 sn-dso-2027"],
    ]);
    const one = renderer.render("digest", digestCardData("en", exampleDigest));
    expect(submits(one).map((a) => a.title)).toEqual(["Full list", "Summary spring follow-up (tertial 1)"]);
  });
});
