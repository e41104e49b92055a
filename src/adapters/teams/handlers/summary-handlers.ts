// "sammanfattning delår 2025 [agreement]" / "summary full year 2025": the summary card for experts,
// chiefs and admins, paged with Action.Execute, with signed download links for Word and Markdown.
import type { TurnContext } from "botbuilder";
import type { AdaptiveCard, Application } from "@microsoft/teams-ai";
import { resolveAgreement } from "../../../agreements/resolve-agreement.ts";
import { describeRoles } from "../../../people/describe-roles.ts";
import type { Permissions } from "../../../people/roles.ts";
import type { Language } from "../../../shared/language.ts";
import { translate } from "../../../shared/messages/translate.ts";
import { fold } from "../../../shared/text/fold.ts";
import { calendarDate } from "../../../shared/text/swedish-dates.ts";
import { periodNames, readPeriodWord, type FollowUpPeriod } from "../../../summaries/follow-up-periods.ts";
import { summarise } from "../../../summaries/summarise.ts";
import { summaryLink } from "../../../summaries/summary-links.ts";
import { noticeCardData } from "../cards/status-cards.ts";
import { summaryCardData } from "../cards/summary-card.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { isSharedConversation } from "../turn-facts.ts";
import { personalOnlyText, refusedInSharedConversation } from "./personal-only.ts";
import { actingPerson } from "./acting-person.ts";
import { knownLanguage } from "../turn-language.ts";
import { withinTurnBudget } from "../turn-budget.ts";
import type { CommandRequest } from "./command-request.ts";

/** Words of a summary request that name neither the period, the year nor the agreement. */
const fillerWords = new Set([
  "för",
  "for",
  "av",
  "of",
  "the",
  "om",
  "på",
  "year",
  "år",
  "året",
  "summary",
  "sammanfattning",
  "follow",
  "up",
  "uppfoljning",
  "uppföljning",
]);
const periodPhrases = /\b(full year|whole year|half year|mid year|year end|first tertial|tertial [12])\b/g;

export interface SummaryQuery {
  period: FollowUpPeriod | null;
  year: number | null;
  /** Words that should match the agreement (id, title, committee). */
  words: string[];
}

export function readSummaryQuery(argument: string): SummaryQuery {
  const period = readPeriodWord(argument);
  const yearMatch = /\b(20\d{2})\b/.exec(argument);
  // Whatever the period reader understood is not part of the agreement's name.
  const words = fold(argument.replace(/\b20\d{2}\b/, " "))
    .replace(/[-_]/g, " ")
    .replace(periodPhrases, " ")
    .split(/[\s,]+/)
    .filter((w) => w.length > 1 && !fillerWords.has(w) && readPeriodWord(w) === null);
  return { period, year: yearMatch ? Number(yearMatch[1]) : null, words };
}

type Reply = { card: "summary" | "notice"; data: object };

async function summaryReply(
  deps: TeamsDependencies,
  permissions: Permissions,
  language: Language,
  target: { agreementId: string; period: FollowUpPeriod; year: number; page: number },
): Promise<Reply> {
  const now = deps.clock.now();
  // The narrative (when switched on) is written for the first page only: paging must stay fast.
  const narrate = deps.summaries.narrate && target.page === 1;
  const summary = await summarise(
    {
      status: deps.status,
      agreements: deps.agreements,
      narrator: narrate ? deps.summaries.narrator : undefined,
      onNarratorError: (error) =>
        deps.logger.warn({ err: error }, "summary narrative failed; the summary goes without it"),
    },
    permissions,
    {
      agreementId: target.agreementId,
      period: target.period,
      year: target.year,
      asOf: calendarDate(now),
      narrative: narrate ? { language } : undefined,
    },
  );
  const link = (format: "docx" | "md") =>
    summaryLink(
      deps.summaries.baseUrl,
      deps.summaries.secret,
      { agreementId: summary.agreement.id, period: summary.period, year: summary.year, format, language },
      now,
    );
  return {
    card: "summary",
    data: summaryCardData(language, summary, {
      page: target.page,
      links: { word: link("docx"), markdown: link("md") },
    }),
  };
}

async function followerOf(
  deps: TeamsDependencies,
  context: TurnContext,
  language: Language,
): Promise<Permissions | Reply> {
  const person = await actingPerson(deps, context);
  if (!person) return { card: "notice", data: noticeCardData(language, translate(language, "status.unknownUser")) };
  const { permissions } = person;
  if (!permissions.mayFollowAnything)
    return { card: "notice", data: noticeCardData(language, translate(language, "summary.refused")) };
  return permissions;
}

export function summaryCommand(deps: TeamsDependencies) {
  return async (context: TurnContext, request: CommandRequest): Promise<void> => {
    const language = request.language;
    const send = (reply: Reply) =>
      context.sendActivity({ attachments: [deps.cards.attachment(reply.card, reply.data)] });
    const follower = await followerOf(deps, context, language);
    if ("card" in follower) return void (await send(follower));
    // A summary (and its download links) is for the person who may read it, not for everyone in a chat.
    if (await refusedInSharedConversation(context, language, "summary")) return;
    const query = readSummaryQuery(request.argument);
    if (!query.period) return void (await context.sendActivity(translate(language, "summary.usage")));
    const followed = (await deps.agreements.listAgreements()).filter((a) => follower.canFollow(a));
    const agreements = resolveAgreement(followed, { words: query.words, year: query.year }).matches;
    if (agreements.length === 0) {
      const which = [query.year, ...query.words].filter(Boolean).join(" ");
      return void (await context.sendActivity(
        translate(language, "summary.noAgreement", {
          which: which ? `(${which})` : "",
          roles: describeRoles(language, follower) || "–",
        }),
      ));
    }
    if (agreements.length > 1) {
      // The example names one agreement fully (without its year), which tells it apart from the others.
      const example = agreements[0]!.id.replace(/-\d{4}$/, "");
      const periodWord = periodNames[language][query.period].split(" ")[0]!;
      return void (await context.sendActivity(
        translate(language, "summary.whichAgreement", {
          ids: agreements.map((a) => a.id).join(", "),
          period: periodWord,
          year: query.year ?? agreements[0]!.year ?? "",
          example,
        }),
      ));
    }
    const agreement = agreements[0]!;
    await send(
      await summaryReply(deps, follower, language, {
        agreementId: agreement.id,
        period: query.period,
        year: query.year ?? agreement.year ?? Number(calendarDate(deps.clock.now()).slice(0, 4)),
        page: 1,
      }),
    );
  };
}

export function registerSummaryActions(app: Application, deps: TeamsDependencies): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>("summary.page", async (context, _state, data) => {
    const language: Language = data?.lang === "en" || data?.lang === "sv" ? data.lang : knownLanguage(context);
    let reply: Reply;
    try {
      reply = await withinTurnBudget(context, deps, async (): Promise<Reply> => {
        const follower = await followerOf(deps, context, language);
        const period = readPeriodWord(String(data?.period ?? ""));
        const year = Number(data?.year);
        if ("card" in follower) return follower;
        if (isSharedConversation(context.activity))
          return { card: "notice", data: noticeCardData(language, personalOnlyText(language, "summary")) };
        if (!period || !Number.isInteger(year) || year < 2000 || year > 2100 || typeof data?.agreementId !== "string")
          return { card: "notice", data: noticeCardData(language, translate(language, "summary.usage")) };
        return summaryReply(deps, follower, language, {
          agreementId: data.agreementId,
          period,
          year,
          page: Number(data.page) || 1,
        });
      });
    } catch (error) {
      const code = deps.classifyError(error);
      deps.logger.warn({ err: error, verb: "summary.page" }, "card action failed");
      if (code === "database_unavailable") return translate(language, "error.database_unavailable");
      reply = {
        card: "notice",
        data: noticeCardData(
          language,
          code === "forbidden"
            ? translate(language, "summary.refused")
            : translate(language, `error.${code}`, { detail: (error as Error).message }),
        ),
      };
    }
    return deps.cards.render(reply.card, reply.data) as unknown as AdaptiveCard;
  });
}
