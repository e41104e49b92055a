// "roller" / "roles": everyone sees their own roles; administrators grant and revoke them,
// naming the person with an @mention (or an object id, or a name the bot has seen).
import type { Activity, TurnContext } from "botbuilder";
import type { Principal } from "../../../audit/audit-log.ts";
import type { KnownPerson } from "../../../people/conversation-sighting.ts";
import { grantRole, revokeRole } from "../../../people/manage-roles.ts";
import { displayName, sameName } from "../../../people/display-name.ts";
import { roleNames, type RoleGrantRecord, type RoleName } from "../../../people/roles.ts";
import { AppError } from "../../../shared/app-error.ts";
import type { Language } from "../../../shared/language.ts";
import { translate, type MessageKey } from "../../../shared/messages/translate.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { actingPerson } from "./acting-person.ts";
import type { CommandRequest } from "./command-request.ts";

const grantWords = ["ge", "lägg till", "grant", "add", "give"];
const revokeWords = ["ta bort", "återkalla", "aterkalla", "revoke", "remove"];

const roleWords: Record<string, RoleName> = {
  admin: "admin", administratör: "admin", administrator: "admin",
  sakkunnig: "expert", expert: "expert",
  chef: "chief", divisionschef: "chief", chief: "chief",
  ombud: "delegate", delegat: "delegate", ersättare: "delegate", delegate: "delegate",
};

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function roleLabel(language: Language, role: RoleName, scope: string): { role: string; scope: string } {
  return { role: translate(language, `roles.name.${role}` as MessageKey), scope: scope ? ` (${scope})` : "" };
}

function describeGrants(language: Language, grants: RoleGrantRecord[]): string {
  return grants.map((g) => {
    const label = roleLabel(language, g.role, g.scope);
    return `${label.role}${label.scope}`;
  }).join(", ");
}

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
  const verb = [...grantWords.map((w) => ["grant", w] as const), ...revokeWords.map((w) => ["revoke", w] as const)].find(
    ([, word]) => text === word || text.startsWith(`${word} `),
  );
  if (!verb) return undefined;
  const words = text.slice(verb[1].length).trim().split(/\s+/).filter(Boolean);
  const roleWord = words.shift() ?? "";
  const role = roleWords[roleWord] ?? roleWord;
  const scope = role === "admin" ? undefined : words.shift();
  return { change: verb[0], role, scope, who: words.join(" ").replace(/^@/, "") };
}

function mentionedPeople(activity: Partial<Activity>): Array<{ id: string; name?: string; aadObjectId?: string }> {
  const botId = activity.recipient?.id;
  return (activity.entities ?? [])
    .filter((e) => e.type === "mention" && (e as { mentioned?: { id?: string } }).mentioned?.id !== botId)
    .map((e) => (e as unknown as { mentioned: { id: string; name?: string; aadObjectId?: string } }).mentioned);
}

async function resolvePerson(deps: TeamsDependencies, activity: Partial<Activity>, tenantId: string, who: string): Promise<KnownPerson> {
  const mention = mentionedPeople(activity)[0];
  if (mention?.aadObjectId) return { tenantId, aadObjectId: mention.aadObjectId.toLowerCase(), displayName: mention.name };
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
  const found = await deps.conversations.findPeople(tenantId, { name });
  // A role is only given to the person named exactly (as shown): a partial match is offered, never taken.
  const exact = found.filter((p) => sameName(p.displayName, name));
  if (exact.length === 1) return exact[0]!;
  const shown = displayName(name) ?? "–";
  if (found.length > 0) {
    throw new AppError("invalid_input", "ambiguous person", { reply: "roles.personAmbiguous", who: shown, names: found.map((p) => p.displayName ?? p.aadObjectId).join(", ") });
  }
  throw new AppError("invalid_input", "unknown person", { reply: "roles.personUnknown", who: shown });
}

export function rolesCommand(deps: TeamsDependencies) {
  return async (context: TurnContext, request: CommandRequest): Promise<void> => {
    const language = request.language;
    const say = (key: MessageKey, params: Record<string, string | number> = {}) => context.sendActivity(translate(language, key, params));
    const person = await actingPerson(deps, context);
    if (!person) return void (await say("status.unknownUser"));
    const { actor, permissions } = person;
    // The person is named by the @mention entity; its text must not be read as the role's code.
    const parsed = parseRoleChange(request.argument.replace(/<at>.*?<\/at>/g, " ").replace(/\s+/g, " ").trim());

    if (!parsed) {
      const mine = describeGrants(language, [...permissions.grants]) || (permissions.isAdmin ? translate(language, "roles.name.admin") : "");
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

    if (!permissions.isAdmin) return void (await say("roles.onlyAdmins", { roles: permissions.describe() || "–" }));
    const role = roleNames.includes(parsed.role as RoleName) ? (parsed.role as RoleName) : undefined;
    if (!role) return void (await say("roles.unknownRole", { role: parsed.role }));
    if (role !== "admin") {
      if (!parsed.scope) return void (await say("roles.scopeRequired", { role: roleLabel(language, role, "").role }));
      if (parsed.change === "grant") {
        // A code no agreement uses is most likely a typo (or a name read as a code).
        const agreements = await deps.agreements.listAgreements();
        const codes = [...new Set(agreements.flatMap((a) => (role === "expert" ? [a.committeeCode] : [a.divisionCode])).filter((c): c is string => Boolean(c)))].sort();
        if (!codes.includes(parsed.scope.toUpperCase())) return void (await say("roles.unknownScope", { scope: parsed.scope.toUpperCase(), codes: codes.join(", ") || "–" }));
      }
    }
    // An unknown or ambiguous name is an AppError naming its own reply, which the guard says.
    const named = await resolvePerson(deps, context.activity, actor.tenantId, parsed.who);
    const principal: Principal = { kind: "person", actor, isAdmin: true };
    const change = { tenantId: named.tenantId, aadObjectId: named.aadObjectId, displayName: named.displayName, role: parsed.role, scope: parsed.scope };
    try {
      // The grant keeps the name as given (the audit shows it); messages show it without invisible characters.
      const name = displayName(named.displayName) ?? named.aadObjectId;
      if (parsed.change === "grant") {
        const { changed, grant } = await grantRole(deps, principal, change);
        await say(changed ? "roles.granted" : "roles.alreadyGranted", { name, ...roleLabel(language, grant.role, grant.scope) });
      } else {
        const { changed, role, scope } = await revokeRole(deps, principal, change);
        await say(changed ? "roles.revoked" : "roles.notGranted", { name, ...roleLabel(language, role, scope) });
      }
    } catch (error) {
      if (error instanceof AppError && error.code === "invalid_input") {
        await context.sendActivity(`${translate(language, "error.invalid_input", { detail: error.message })}\n\n${translate(language, "roles.usage")}`);
        return;
      }
      throw error;
    }
  };
}
