// "sammanfattning delår 2025 [agreement]" / "summary full year 2025": the summary card for experts,
// chiefs and admins, paged with Action.Execute, with signed download links for Word and Markdown.
import type { TurnContext } from "botbuilder";
import type { AdaptiveCard, Application } from "@microsoft/teams-ai";
import type { AgreementSummary } from "../../../agreements/agreement-store.ts";
import { permissionsOf, type Permissions } from "../../../people/roles.ts";
import type { Language } from "../../../shared/language.ts";
import { translate } from "../../../shared/messages/translate.ts";
import { fold } from "../../../shared/text/fold.ts";
import { calendarDate } from "../../../shared/text/swedish-dates.ts";
import { readPeriodWord, type FollowUpPeriod } from "../../../summaries/follow-up-periods.ts";
import { summarise } from "../../../summaries/summarise.ts";
import { summaryLink } from "../../../summaries/summary-links.ts";
import { noticeCardData } from "../cards/status-cards.ts";
import { summaryCardData } from "../cards/summary-card.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { actorFromActivity } from "../turn-facts.ts";
import { knownLanguage } from "../turn-language.ts";
import type { CommandRequest } from "./command-request.ts";

/** Words of a summary request that name neither the period, the year nor the agreement. */
const fillerWords = new Set(["för", "for", "av", "of", "the", "om", "på", "year", "år", "året", "full", "half", "mid", "tertial", "1", "2", "summary", "sammanfattning"]);

export interface SummaryQuery {
  period: FollowUpPeriod | null;
  year: number | null;
  /** Words that should match the agreement (id, title, committee). */
  words: string[];
}

export function readSummaryQuery(argument: string): SummaryQuery {
  const period = readPeriodWord(argument);
  const yearMatch = /\b(20\d{2})\b/.exec(argument);
  const periodWords = /^(var|vår|våren|varuppfoljning|t1|t2|delar|delår|delårs\w*|interim|helar|helår|helårs\w*|annual|spring|halfyear|fullyear)$/;
  const words = fold(argument.replace(/\b20\d{2}\b/, " "))
    .split(/[\s,]+/)
    .filter((w) => w && !fillerWords.has(w) && !periodWords.test(w) && w.length > 1);
  return { period, year: yearMatch ? Number(yearMatch[1]) : null, words };
}

function matchesAgreement(agreement: AgreementSummary, words: string[]): boolean {
  const haystack = fold(`${agreement.id} ${agreement.title} ${agreement.committee ?? ""} ${agreement.committeeCode ?? ""} ${agreement.division ?? ""}`);
  return words.every((w) => haystack.includes(w));
}

type Reply = { card: "summary" | "notice"; data: object };

async function summaryReply(deps: TeamsDependencies, permissions: Permissions, language: Language, target: { agreementId: string; period: FollowUpPeriod; year: number; page: number }): Promise<Reply> {
  const now = deps.clock.now();
  const summary = await summarise(
    { status: deps.status, agreements: deps.agreements, narrator: deps.summaries.narrate ? deps.summaries.narrator : undefined },
    permissions,
    { agreementId: target.agreementId, period: target.period, year: target.year, asOf: calendarDate(now), narrative: deps.summaries.narrate ? { language } : undefined },
  );
  const link = (format: "docx" | "md") => summaryLink(deps.summaries.baseUrl, deps.summaries.secret, { agreementId: summary.agreement.id, period: summary.period, year: summary.year, format, language }, now);
  return { card: "summary", data: summaryCardData(language, summary, { page: target.page, links: { word: link("docx"), markdown: link("md") } }) };
}

async function followerOf(deps: TeamsDependencies, context: TurnContext, language: Language): Promise<Permissions | Reply> {
  const actor = actorFromActivity(context.activity);
  if (!actor) return { card: "notice", data: noticeCardData(language, translate(language, "status.unknownUser")) };
  const permissions = await permissionsOf(deps, actor);
  if (!permissions.mayFollowAnything) return { card: "notice", data: noticeCardData(language, translate(language, "summary.refused")) };
  return permissions;
}

export function summaryCommand(deps: TeamsDependencies) {
  return async (context: TurnContext, request: CommandRequest): Promise<void> => {
    const language = request.language;
    const send = (reply: Reply) => context.sendActivity({ attachments: [deps.cards.attachment(reply.card, reply.data)] });
    const follower = await followerOf(deps, context, language);
    if ("card" in follower) return void (await send(follower));
    const query = readSummaryQuery(request.argument);
    if (!query.period) return void (await context.sendActivity(translate(language, "summary.usage")));
    const agreements = (await deps.agreements.listAgreements()).filter(
      (a) => follower.canFollow(a) && (query.year === null || a.year === query.year) && matchesAgreement(a, query.words),
    );
    if (agreements.length === 0) {
      const which = [query.year, ...query.words].filter(Boolean).join(" ");
      return void (await context.sendActivity(translate(language, "summary.noAgreement", { which: which ? `(${which})` : "", roles: follower.describe() || "–" })));
    }
    if (agreements.length > 1) {
      const example = agreements[0]!.id.split("-")[0]!;
      return void (await context.sendActivity(
        translate(language, "summary.whichAgreement", { ids: agreements.map((a) => a.id).join(", "), period: request.argument.split(/\s+/)[0] ?? "", year: query.year ?? agreements[0]!.year ?? "", example }),
      ));
    }
    const agreement = agreements[0]!;
    await send(await summaryReply(deps, follower, language, { agreementId: agreement.id, period: query.period, year: query.year ?? agreement.year ?? Number(calendarDate(deps.clock.now()).slice(0, 4)), page: 1 }));
  };
}

export function registerSummaryActions(app: Application, deps: TeamsDependencies): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>("summary.page", async (context, _state, data) => {
    const language: Language = data?.lang === "en" || data?.lang === "sv" ? data.lang : knownLanguage(context);
    let reply: Reply;
    try {
      const follower = await followerOf(deps, context, language);
      const period = readPeriodWord(String(data?.period ?? ""));
      const year = Number(data?.year);
      if ("card" in follower) reply = follower;
      else if (!period || !Number.isInteger(year) || typeof data?.agreementId !== "string") reply = { card: "notice", data: noticeCardData(language, translate(language, "summary.usage")) };
      else reply = await summaryReply(deps, follower, language, { agreementId: data.agreementId, period, year, page: Number(data.page) || 1 });
    } catch (error) {
      const code = deps.classifyError(error);
      deps.logger.warn({ err: error, verb: "summary.page" }, "card action failed");
      if (code === "database_unavailable") return translate(language, "error.database_unavailable");
      reply = { card: "notice", data: noticeCardData(language, code === "forbidden" ? translate(language, "summary.refused") : translate(language, `error.${code}`, { detail: (error as Error).message })) };
    }
    return deps.cards.render(reply.card, reply.data) as unknown as AdaptiveCard;
  });
}
