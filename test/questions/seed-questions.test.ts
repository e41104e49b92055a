// Questions a handläggare would ask, answered from the real seed documents through the real
// import and storage. Each case asserts the facts of the answer, not its wording.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { composeServices, type Services } from "../../src/composition-root.ts";
import type { Answer } from "../../src/questions/answer-model.ts";
import { silentLogger } from "../../src/shared/logger.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { importSeeds } from "../support/seeded-corpus.ts";

interface Case {
  question: string;
  today: string;
  intent: "deadlines" | "content";
  found: boolean;
  language: "sv" | "en";
  check?(answer: Answer): void;
}

const dates = (a: Answer) => [...new Set(a.deadlines.map((d) => d.date))];
const quotes = (a: Answer) => a.citations.map((c) => c.quote).join(" | ");
const allBetween = (a: Answer, from: string, to: string) =>
  a.deadlines.every((d) => d.date !== null && d.date >= from && d.date <= to);

const deadlineCases: Case[] = [
  {
    question: "what is due before 2025-05-28?",
    today: "2025-01-15",
    intent: "deadlines",
    found: true,
    language: "en",
    check: (a) => {
      // "before" is strict: the meeting on 28 May is not before 28 May, but the written material
      // for it, due on 7 May, is.
      expect(dates(a).filter((d) => d !== null && d < "2025-05-28")).toEqual(["2025-02-05", "2025-03-26"]);
      for (const late of a.deadlines.filter((d) => d.date! >= "2025-05-28"))
        expect(late.submissionDate! < "2025-05-28").toBe(true);
      expect(a.deadlines.some((d) => d.title.includes("Sikta mot arbetslivet") && d.form === "oral")).toBe(true);
    },
  },
  {
    question: "Vad ska redovisas före den 28 maj?",
    today: "2025-01-15",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) => expect(dates(a)).toEqual(["2025-02-05", "2025-03-26"]),
  },
  {
    question: "vad ska vi redovisa i maj?",
    today: "2025-01-15",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) => {
      expect(dates(a)).toEqual(["2025-05-28"]);
      const economy = a.deadlines.find((d) => d.section === "4.1");
      expect(economy).toMatchObject({ meetingDate: "2025-05-28", form: "oral", period: "tertial 1 2025" });
      const written = a.deadlines.find((d) => d.section === "3.2");
      // Three weeks before the meeting, as the agreement says.
      expect(written).toMatchObject({ submissionDate: "2025-05-07", form: "written" });
    },
  },
  {
    question: "När ska Sikta mot arbetslivet rapporteras?",
    today: "2025-01-15",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) => {
      expect(a.deadlines.map((d) => [d.date, d.form, d.submissionDate])).toEqual([
        ["2025-03-26", "oral", null],
        ["2025-11-05", "written", "2025-10-15"],
      ]);
      expect(a.text).toContain("Sikta mot arbetslivet");
    },
  },
  {
    question: "When is Sikta mot arbetslivet reported to the committee?",
    today: "2025-01-15",
    intent: "deadlines",
    found: true,
    language: "en",
    check: (a) => expect(dates(a)).toEqual(["2025-03-26", "2025-11-05"]),
  },
  {
    question: "When is Sikta mot arbetslivet reported?",
    today: "2025-06-01",
    intent: "deadlines",
    found: true,
    language: "en",
    // Asked after the March meeting: only what is still ahead.
    check: (a) => expect(dates(a)).toEqual(["2025-11-05"]),
  },
  {
    question: "när är nästa sammanträde?",
    today: "2025-03-01",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) => {
      expect(dates(a)).toEqual(["2025-03-26"]);
      expect(a.deadlines).toHaveLength(3);
    },
  },
  {
    question: "what do we need to report next week?",
    today: "2025-03-20",
    intent: "deadlines",
    found: true,
    language: "en",
    check: (a) => expect(dates(a)).toEqual(["2025-03-26"]),
  },
  {
    question: "vad ska redovisas den här månaden?",
    today: "2025-05-02",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) => expect(allBetween(a, "2025-05-02", "2025-05-31") && a.deadlines.length > 0).toBe(true),
  },
  {
    question: "Vad ska lämnas in skriftligt senast 15 oktober?",
    today: "2025-09-01",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) => {
      // Written material for the 5 November meeting is due 15 October: it counts; the meeting does not.
      expect(a.deadlines.every((d) => d.form === "written" || d.form === "both")).toBe(true);
      expect(
        a.deadlines.every(
          (d) => (d.submissionDate ?? d.date)! <= "2025-10-15" && (d.submissionDate ?? d.date)! >= "2025-09-01",
        ),
      ).toBe(true);
      expect(a.deadlines.some((d) => d.title.includes("Sikta") && d.submissionDate === "2025-10-15")).toBe(true);
    },
  },
  {
    question: "vad ska redovisas muntligt i mars?",
    today: "2025-01-15",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) => {
      expect(dates(a)).toEqual(["2025-03-26"]);
      expect(a.deadlines.every((d) => d.form === "oral" || d.form === "both")).toBe(true);
    },
  },
  {
    question: "när ska den ekonomiska uppföljningen redovisas?",
    today: "2025-01-15",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) => {
      const economy = a.deadlines.filter((d) => d.section === "4.1").map((d) => d.date);
      expect(economy).toEqual(["2025-05-28", "2025-09-17"]);
    },
  },
  {
    question: "When is the interim report due?",
    today: "2025-01-15",
    intent: "deadlines",
    found: true,
    language: "en",
    check: (a) => {
      expect(a.deadlines.every((d) => d.agreement.year === 2025)).toBe(true);
      expect(a.deadlines.every((d) => ["D", "T2"].includes(d.periodCode ?? "") || d.occasion === "delar")).toBe(true);
      expect(a.deadlines.some((d) => d.channel === "VP/Hypergene")).toBe(true);
    },
  },
  {
    question: "vad ska redovisas till socialnämnden i april 2026?",
    today: "2026-01-20",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) => {
      expect(a.deadlines.every((d) => d.agreement.id === "sn-dso-2026")).toBe(true);
      expect(allBetween(a, "2026-04-01", "2026-04-30")).toBe(true);
      expect(
        a.deadlines.some(
          (d) => d.title.includes("flyktingar") && d.meetingDate === "2026-04-23" && d.submissionDate === "2026-04-02",
        ),
      ).toBe(true);
    },
  },
  {
    question: "what is due between 1 March and 30 June 2026?",
    today: "2026-01-20",
    intent: "deadlines",
    found: true,
    language: "en",
    check: (a) => expect(allBetween(a, "2026-03-01", "2026-06-30") && a.deadlines.length >= 5).toBe(true),
  },
  {
    question: "vad ska lämnas in under kvartal 4?",
    today: "2025-01-15",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) => expect(allBetween(a, "2025-10-01", "2025-12-31") && dates(a).includes("2025-12-10")).toBe(true),
  },
  {
    question: "vad ska KAN ha i september?",
    today: "2025-01-15",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) => {
      expect(dates(a)).toEqual(["2025-09-17"]);
      expect(a.deadlines.every((d) => d.agreement.id === "kan-dso-2025")).toBe(true);
    },
  },
  {
    question: "när ska arbetet med samverkansforum för unga arbetslösa redovisas?",
    today: "2025-01-15",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) => expect(dates(a)).toEqual(["2025-05-28", "2025-11-05"]),
  },
  {
    question: "vad ska redovisas i juli?",
    today: "2025-01-15",
    intent: "deadlines",
    found: false,
    language: "sv",
    // Nothing in July; the answer says so and names the next date.
    check: (a) => expect(a.text).toContain("2025-09-17"),
  },
  {
    question: "när ska parkeringsplatserna redovisas?",
    today: "2025-01-15",
    intent: "deadlines",
    found: false,
    language: "sv",
    check: (a) => expect(a.text).toContain("parkeringsplatserna"),
  },
  {
    question: "vilka redovisningar har vi framför oss?",
    today: "2025-11-20",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) => {
      expect(dates(a)[0]).toBe("2025-12-10");
      expect(a.deadlines.every((d) => d.date! >= "2025-11-20")).toBe(true);
    },
  },
  {
    question: "what was reported in February 2025?",
    today: "2025-06-01",
    intent: "deadlines",
    found: true,
    language: "en",
    check: (a) => {
      expect(dates(a)).toEqual(["2025-02-05"]);
      expect(a.groups[0]!.past).toBe(true);
    },
  },
  {
    question: "när ska felaktiga utbetalningar redovisas?",
    today: "2026-01-20",
    intent: "deadlines",
    found: true,
    language: "sv",
    check: (a) =>
      expect(a.deadlines.map((d) => [d.date, d.meetingDate, d.form])).toEqual([["2026-02-05", "2026-02-26", "both"]]),
  },
];

const contentCases: Case[] = [
  {
    question: "vad är målgruppen för Jobbtorg?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "sv",
    check: (a) => {
      expect(a.citations[0]).toMatchObject({ agreement: "kan-dso-2025", section: "3.1", year: 2025 });
      expect(a.citations[0]!.quote).toMatch(/18-64 år/);
    },
  },
  {
    question: "What is the target group for Jobbtorg?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "en",
    check: (a) => {
      expect(a.citations[0]!.quote).toMatch(/18-64 år/);
      expect(a.text).toMatch(/^From .*section 3\.1/);
    },
  },
  {
    question: "hur länge får en arbetsträning pågå?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "sv",
    check: (a) => {
      expect(a.citations[0]).toMatchObject({ section: "3.1" });
      expect(a.citations[0]!.quote).toMatch(/Arbetsträning.*6 månader/);
    },
  },
  {
    question: "How long can someone stay in work training?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "en",
    check: (a) => expect(a.citations[0]!.quote).toMatch(/6 månader/),
  },
  {
    question: "How much does Integrationsvägledning receive in 2025?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "en",
    check: (a) => {
      expect(a.text).toMatch(/3,250 thousand SEK/);
      expect(a.citations[0]).toMatchObject({ agreement: "kan-dso-2025", section: "4" });
      expect(a.answeredYear).toBe(2025);
    },
  },
  {
    question: "hur mycket pengar får Sikta mot arbetslivet?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "sv",
    check: (a) => expect(a.text).toMatch(/815 tkr/),
  },
  {
    question: "vad är budgetramen för socialnämnden?",
    today: "2026-01-20",
    intent: "content",
    found: true,
    language: "sv",
    check: (a) => {
      expect(a.text).toMatch(/315 700 tkr/);
      expect(a.answeredYear).toBe(2026);
    },
  },
  {
    question: "hur mycket får familjerådgivningen 2026?",
    today: "2026-01-20",
    intent: "content",
    found: true,
    language: "sv",
    check: (a) => expect(a.text).toMatch(/650/),
  },
  {
    question: "vem är dataskyddsombud?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "sv",
    // Both agreements say it; the one in force on the asking date is preferred.
    check: (a) => expect([a.answeredYear, a.citations[0]!.heading]).toEqual([2025, "Dataskyddsombud"]),
  },
  {
    question: "vem är dataskyddsombud?",
    today: "2026-03-01",
    intent: "content",
    found: true,
    language: "sv",
    check: (a) => expect(a.answeredYear).toBe(2026),
  },
  {
    question: "vilka ska Jobbtorg samverka med?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "sv",
    check: (a) => expect(quotes(a)).toMatch(/Arbetsförmedlingen/),
  },
  {
    question: "hur många platser för arbetsmarknadsanställningar ska divisionerna ta fram?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "sv",
    check: (a) => expect(a.citations[0]!.quote).toMatch(/100 platser/),
  },
  {
    question: "How many places for arbetsmarknadsanställningar must the divisions provide?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "en",
    check: (a) => expect(a.citations[0]!.quote).toMatch(/100 platser/),
  },
  {
    question: "vad innebär heltidsmodellen?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "sv",
    check: (a) => expect(a.citations[0]!.heading + a.citations[0]!.quote).toMatch(/[Hh]eltidsmodell/),
  },
  {
    question: "What is the purpose of integration guidance?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "en",
    check: (a) => expect(a.citations[0]).toMatchObject({ section: "3.3", agreement: "kan-dso-2025" }),
  },
  {
    question: "hur ska barnrättsperspektivet beaktas?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "sv",
    check: (a) => expect(a.citations[0]).toMatchObject({ section: "1.9", heading: "Barnrättsperspektiv" }),
  },
  {
    question: "vad säger överenskommelsen om jämställdhet?",
    today: "2025-01-15",
    intent: "content",
    found: true,
    language: "sv",
    check: (a) => expect(a.citations[0]).toMatchObject({ section: "1.10" }),
  },
  {
    question: "vilka statsbidrag ska DSO söka?",
    today: "2026-01-20",
    intent: "content",
    found: true,
    language: "sv",
    check: (a) =>
      expect(a.citations.some((c) => c.heading === "Statsbidrag" && c.agreement === "sn-dso-2026")).toBe(true),
  },
];

const unanswerable: Case[] = [
  {
    question: "vad säger avtalet om parkeringsavgifter?",
    today: "2025-01-15",
    intent: "content",
    found: false,
    language: "sv",
  },
  {
    question: "How much does the fire brigade get?",
    today: "2025-01-15",
    intent: "content",
    found: false,
    language: "en",
  },
  {
    question: "vad är målgruppen för simskolan?",
    today: "2025-01-15",
    intent: "content",
    found: false,
    language: "sv",
  },
  {
    question: "What does the agreement say about school meals?",
    today: "2025-01-15",
    intent: "content",
    found: false,
    language: "en",
  },
  {
    question: "hur mycket får Jobbtorg 2027?",
    today: "2025-01-15",
    intent: "content",
    found: false,
    language: "sv",
    check: (a) => expect(a.text).toContain("ingen överenskommelse för 2027"),
  },
];

describe("questions over the seed agreements", () => {
  let db: TestDatabase;
  let services: Services;
  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    services = await composeServices(loadConfig({ DATABASE_URL: db.url }), { logger: silentLogger });
    await importSeeds(services);
  }, 60_000);
  afterAll(async () => {
    await services.close();
    await db.drop();
  });

  it("has at least 40 questions, Swedish and English, deadline, content and unanswerable", () => {
    const all = [...deadlineCases, ...contentCases, ...unanswerable];
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.filter((c) => c.language === "en").length).toBeGreaterThanOrEqual(12);
  });

  it.each([...deadlineCases, ...contentCases, ...unanswerable].map((c) => [`${c.question} (${c.today})`, c] as const))(
    "%s",
    async (_name, c) => {
      const answer = await services.questions.answer(c.question, { today: c.today });
      expect({ intent: answer.intent, found: answer.found, language: answer.language }, answer.text).toEqual({
        intent: c.intent,
        found: c.found,
        language: c.language,
      });
      if (c.found && c.intent === "content") expect(answer.citations.length).toBeGreaterThan(0);
      if (!c.found) expect(answer.citations).toEqual([]);
      c.check?.(answer);
    },
  );
});
