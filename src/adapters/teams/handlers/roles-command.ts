// "roller" / "roles": everyone sees their own roles; administrators grant and revoke them,
// naming the person with an @mention (or an object id, or a name the bot has seen).
import type { Activity, TurnContext } from "botbuilder";
import type { Principal } from "../../../audit/audit-log.ts";
import type { KnownPerson } from "../../../people/conversation-sighting.ts";
import { grantRole, revokeRole } from "../../../people/manage-roles.ts";
import { describeRoles, roleLabel } from "../../../people/describe-roles.ts";
import { findPersonByName } from "../../../people/find-person.ts";
import { displayName } from "../../../people/display-name.ts";
import { roleNames, type RoleName } from "../../../people/roles.ts";
import { AppError } from "../../../shared/app-error.ts";
import type { Language } from "../../../shared/language.ts";
import { translate, type MessageKey } from "../../../shared/messages/translate.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { actingPerson } from "./acting-person.ts";
import { refusedInSharedConversation } from "./personal-only.ts";
import type { CommandRequest } from "./command-request.ts";

const grantWords = ["ge", "lägg till", "grant", "add", "give"];
const revokeWords = ["ta bort", "återkalla", "aterkalla", "revoke", "remove"];

const roleWords: Record<string, RoleName> = {
  admin: "admin",
  administratör: "admin",
  administrator: "admin",
  sakkunnig: "expert",
  expert: "expert",
  chef: "chief",
  divisionschef: "chief",
  chief: "chief",
  ombud: "delegate",
  delegat: "delegate",
  ersättare: "delegate",
  delegate: "delegate",
};

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ParsedChange {
  change: "grant" | "revoke";
  role: string;
  scope?: string;
  /** What names the person in the text, after the role and scope. */
  who: string;
}

/** "ge chef dso <at>bertil berg</at>" → grant chief DSO "bertil berg"; undefined when it is not a change. */
export function parseRoleChange(argument: string): ParsedChange | undefined {
  const text = argument.replace(/<\/?at>/g, "").trim();
  const verb = [
    ...grantWords.map((w) => ["grant", w] as const),
    ...revokeWords.map((w) => ["revoke", w] as const),
  ].find(([, word]) => text === word || text.startsWith(`${word} `));
  if (!verb) return undefined;
  const words = text.slice(verb[1].length).trim().split(/\s+/).filter(Boolean);
  const roleWord = words.shift() ?? "";
  const role = roleWords[roleWord] ?? roleWord;
  // "roller ge chef @Otto Olsson": a word that starts with @ is the person, never the code.
  const scope = role === "admin" || words[0]?.startsWith("@") ? undefined : words.shift();
  return { change: verb[0], role, scope, who: words.join(" ").replace(/^@/, "") };
}

function mentionedPeople(activity: Partial<Activity>): Array<{ id: string; name?: string; aadObjectId?: string }> {
  const botId = activity.recipient?.id;
  return (activity.entities ?? [])
    .filter((e) => e.type === "mention" && (e as { mentioned?: { id?: string } }).mentioned?.id !== botId)
    .map((e) => (e as unknown as { mentioned: { id: string; name?: string; aadObjectId?: string } }).mentioned);
}

async function resolvePerson(
  deps: TeamsDependencies,
  activity: Partial<Activity>,
  tenantId: string,
  who: string,
): Promise<KnownPerson> {
  const mention = mentionedPeople(activity)[0];
  if (mention?.aadObjectId)
    return { tenantId, aadObjectId: mention.aadObjectId.toLowerCase(), displayName: mention.name };
  if (mention) {
    const found = await deps.conversations.findPeople(tenantId, { teamsUserId: mention.id, name: mention.name });
    if (found.length === 1) return found[0]!;
  }
  if (guid.test(who)) {
    const found = await deps.conversations.findPeople(tenantId, { aadObjectId: who });
    return found[0] ?? { tenantId, aadObjectId: who.toLowerCase() };
  }
  if (!who && !mention) throw new AppError("invalid_input", "missing person", { reply: "roles.personMissing" });
  const name = mention?.name ?? who;
  const shown = displayName(name) ?? "–";
  const found = await findPersonByName(deps.conversations, [tenantId], name);
  if (found.kind === "found") return found.person;
  if (found.kind === "partial" && found.candidates.length === 1) {
    throw new AppError("invalid_input", "partial name", {
      reply: "roles.personDidYouMean",
      who: shown,
      name: displayName(found.candidates[0]!.displayName) ?? "",
    });
  }
  if (found.kind === "partial") {
    throw new AppError("invalid_input", "ambiguous person", {
      reply: "roles.personAmbiguous",
      who: shown,
      names: found.candidates.map((p) => displayName(p.displayName) ?? p.aadObjectId).join(", "),
    });
  }
  throw new AppError("invalid_input", "unknown person", { reply: "roles.personUnknown", who: shown });
}

/** Committee codes (for experts) or division codes (for chiefs and delegates) the stored agreements use. */
export async function knownCodes(
  deps: Pick<TeamsDependencies, "agreements">,
  role: "expert" | "chief" | "delegate",
): Promise<string[]> {
  const agreements = await deps.agreements.listAgreements();
  return [
    ...new Set(
      agreements
        .flatMap((a) => (role === "expert" ? [a.committeeCode] : [a.divisionCode]))
        .filter((c): c is string => Boolean(c)),
    ),
  ].sort();
}

/** `lowered` as it was written in `raw` (messages are read lower-cased): "otto olsson" → "Otto Olsson". */
function asTyped(raw: string, lowered: string): string {
  const at = raw.toLowerCase().lastIndexOf(lowered);
  return at >= 0 ? raw.slice(at, at + lowered.length) : lowered;
}

const grantWord = (language: Language) => (language === "sv" ? "ge" : "grant");
const revokeWord = (language: Language) => (language === "sv" ? "ta bort" : "revoke");
const roleWordFor = (language: Language, role: RoleName) =>
  (language === "sv"
    ? { admin: "admin", expert: "sakkunnig", chief: "chef", delegate: "ombud" }
    : { admin: "admin", expert: "expert", chief: "chief", delegate: "delegate" })[role];

export function rolesCommand(deps: TeamsDependencies) {
  return async (context: TurnContext, request: CommandRequest): Promise<void> => {
    const language = request.language;
    const say = (key: MessageKey, params: Record<string, string | number> = {}) =>
      context.sendActivity(translate(language, key, params));
    const person = await actingPerson(deps, context);
    if (!person) return void (await say("status.unknownUser"));
    const { actor, permissions } = person;
    // The person is named by the @mention entity; its text must not be read as the role's code.
    const parsed = parseRoleChange(
      request.argument
        .replace(/<at>.*?<\/at>/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    );

    if (!parsed) {
      if (await refusedInSharedConversation(context, language, "roles")) return;
      const mine = describeRoles(language, permissions);
      const lines = [mine ? translate(language, "roles.mine", { roles: mine }) : translate(language, "roles.none")];
      if (permissions.isAdmin) {
        const all = await deps.roles.list({ tenantId: actor.tenantId });
        lines.push("", `**${translate(language, "roles.title")}**`);
        for (const g of all) {
          const label = roleLabel(language, g.role, g.scope);
          lines.push(`- ${g.displayName ?? g.aadObjectId}: ${label.role}${label.scope}`);
        }
        lines.push("", translate(language, "roles.usage"));
      }
      await context.sendActivity({ type: "message", text: lines.join("\n"), textFormat: "markdown" });
      return;
    }

    if (!permissions.isAdmin)
      return void (await say("roles.onlyAdmins", { roles: describeRoles(language, permissions) || "–" }));
    const role = roleNames.includes(parsed.role as RoleName) ? (parsed.role as RoleName) : undefined;
    if (!role) return void (await say("roles.unknownRole", { role: parsed.role }));
    if (role !== "admin") {
      const codes = await knownCodes(deps, role);
      // The example is the command to type next: the person as the bot knows them (the message arrives lower-cased).
      const known = parsed.who ? await findPersonByName(deps.conversations, [actor.tenantId], parsed.who) : undefined;
      const who =
        (known?.kind === "found" ? known.person.displayName : undefined) ??
        (parsed.who ? asTyped(context.activity.text ?? "", parsed.who) : translate(language, "roles.someone"));
      const example = `${translate(language, "command.roles.title")} ${parsed.change === "grant" ? grantWord(language) : revokeWord(language)} ${roleWordFor(language, role)} ${codes[0] ?? "DSO"} @${who}`;
      if (!parsed.scope)
        return void (await say("roles.scopeRequired", {
          role: roleLabel(language, role, "").role,
          codes: codes.join(", ") || "–",
          example,
        }));
      // A code no agreement uses is most likely a typo (or a name read as a code).
      if (parsed.change === "grant" && !codes.includes(parsed.scope.toUpperCase()))
        return void (await say("roles.unknownScope", {
          scope: parsed.scope.toUpperCase(),
          codes: codes.join(", ") || "–",
        }));
    }
    // An unknown or ambiguous name is an AppError naming its own reply, which the guard says.
    const named = await resolvePerson(deps, context.activity, actor.tenantId, parsed.who);
    const principal: Principal = { kind: "person", actor, isAdmin: true };
    const change = {
      tenantId: named.tenantId,
      aadObjectId: named.aadObjectId,
      displayName: named.displayName,
      role: parsed.role,
      scope: parsed.scope,
    };
    try {
      // The grant keeps the name as given (the audit shows it); messages show it without invisible characters.
      const name = displayName(named.displayName) ?? named.aadObjectId;
      if (parsed.change === "grant") {
        const { changed, grant } = await grantRole(deps, principal, change);
        await say(changed ? "roles.granted" : "roles.alreadyGranted", {
          name,
          ...roleLabel(language, grant.role, grant.scope),
        });
      } else {
        const { changed, role, scope } = await revokeRole(deps, principal, change);
        await say(changed ? "roles.revoked" : "roles.notGranted", { name, ...roleLabel(language, role, scope) });
      }
    } catch (error) {
      if (error instanceof AppError && error.code === "invalid_input") {
        await context.sendActivity(
          `${translate(language, "error.invalid_input", { detail: error.message })}\n\n${translate(language, "roles.usage")}`,
        );
        return;
      }
      throw error;
    }
  };
}
