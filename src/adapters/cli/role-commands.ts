// roles list | grant | revoke: the operator at the server's command line acts as an administrator
// (they can read the database anyway); every change is audited under their OS user name.
import type { Command } from "commander";
import type { KnownPerson } from "../../people/conversation-sighting.ts";
import { findPersonByName } from "../../people/find-person.ts";
import { grantRole, revokeRole } from "../../people/manage-roles.ts";
import { displayName, revealInvisible } from "../../people/display-name.ts";
import { roleNames } from "../../people/roles.ts";
import { AppError } from "../../shared/app-error.ts";
import type { Services } from "../../composition-root.ts";
import { CliFailure, operatorPrincipal, type CliContext } from "./cli-context.ts";

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resolves --user (object id or a name the bot has met) and --tenant to one person. */
async function resolveUser(services: Services, user: string, tenant: string | undefined, name: string | undefined) {
  const tenants = tenant
    ? [tenant]
    : services.config.bot.tenantId
      ? [services.config.bot.tenantId]
      : await knownTenants(services);
  if (guid.test(user)) {
    if (tenants.length !== 1)
      throw new CliFailure(
        `Give --tenant <tenant id>: the bot has met people in ${tenants.length || "no"} tenants.`,
        2,
      );
    const known = await services.conversations.findPeople(tenants[0]!, { aadObjectId: user });
    return { tenantId: tenants[0]!, aadObjectId: user.toLowerCase(), displayName: name ?? known[0]?.displayName };
  }
  const found = await findPersonByName(services.conversations, tenants, user);
  if (found.kind === "found") return { ...found.person, displayName: name ?? found.person.displayName };
  const described = (people: KnownPerson[]) =>
    people.map((p) => `${displayName(p.displayName) ?? "–"} (${p.aadObjectId})`).join(", ");
  if (found.kind === "partial" && found.candidates.length === 1)
    throw new CliFailure(
      `Nobody is called exactly "${user}"; did you mean ${described(found.candidates)}? Give the full name or the object id.`,
    );
  if (found.kind === "partial")
    throw new CliFailure(
      `Several people match "${user}": ${described(found.candidates)}. Give the full name or the object id.`,
    );
  throw new CliFailure(
    `Nobody called "${user}" has talked to the bot yet. Give their Entra object id (a GUID) with --user.`,
  );
}

async function knownTenants(services: Services): Promise<string[]> {
  const conversations = await services.conversations.listConversations();
  return [...new Set(conversations.map((c) => c.tenantId))];
}

export function registerRoleCommands(program: Command, context: CliContext): void {
  const roles = program.command("roles").description(`list, grant and revoke roles (${roleNames.join(", ")})`);

  roles
    .command("list")
    .description("list who holds which role")
    .option("--role <role>", "only this role")
    .option("--json", "print JSON")
    .action(async (options: { role?: string; json?: boolean }) => {
      const services = await context.services();
      const grants = await services.roles.list(options.role ? { role: options.role as never } : {});
      // The same JSON, with any invisible character written as its escape so that nothing is hidden on a terminal.
      if (options.json) return void context.out(revealInvisible(JSON.stringify(grants, null, 2)));
      const configured = services.config.adminAadObjectIds.map((id) => `admin (from ADMIN_AAD_OBJECT_IDS)  ${id}`);
      if (grants.length === 0 && configured.length === 0) {
        context.out("No roles yet. Grant one with: roles grant chief DSO --user <object id>");
        return;
      }
      for (const line of configured) context.out(line);
      for (const g of grants) {
        context.out(
          `${`${g.role}${g.scope ? ` ${g.scope}` : ""}`.padEnd(16)} ${(g.displayName ?? "").padEnd(24)} ${g.aadObjectId}  tenant ${g.tenantId}  granted ${g.grantedAt.toISOString().slice(0, 10)} by ${g.grantedBy}`,
        );
      }
    });

  for (const change of ["grant", "revoke"] as const) {
    roles
      .command(change)
      .description(
        change === "grant"
          ? "give someone a role, e.g. roles grant chief DSO --user <object id>"
          : "take a role away, e.g. roles revoke expert KAN --user <object id>",
      )
      .argument("<role>", roleNames.join(" | "))
      .argument("[scope]", "committee code for expert (KAN), division code for chief and delegate (DSO)")
      .requiredOption("--user <user>", "the person's Entra object id, or the name of someone who has talked to the bot")
      .option(
        "--tenant <tenant>",
        "Entra tenant id (default: MICROSOFT_APP_TENANT_ID, or the only tenant the bot has met)",
      )
      .option("--name <name>", "display name to show in lists")
      .action(
        async (role: string, scope: string | undefined, options: { user: string; tenant?: string; name?: string }) => {
          const services = await context.services();
          const person = await resolveUser(services, options.user.trim(), options.tenant, options.name);
          const request = {
            tenantId: person.tenantId,
            aadObjectId: person.aadObjectId,
            displayName: person.displayName,
            role,
            scope,
          };
          const shown = displayName(person.displayName);
          const who = shown ? `${shown} (${person.aadObjectId})` : person.aadObjectId;
          try {
            if (change === "grant") {
              const { changed, grant } = await grantRole(services, operatorPrincipal(), request);
              context.out(
                changed
                  ? `Granted ${grant.role}${grant.scope ? ` ${grant.scope}` : ""} to ${who}.`
                  : `${who} already had ${grant.role}${grant.scope ? ` ${grant.scope}` : ""}; nothing changed.`,
              );
            } else {
              const result = await revokeRole(services, operatorPrincipal(), request);
              context.out(
                result.changed
                  ? `Revoked ${result.role}${result.scope ? ` ${result.scope}` : ""} from ${who}.`
                  : `${who} did not have ${result.role}${result.scope ? ` ${result.scope}` : ""}; nothing changed.`,
              );
            }
          } catch (error) {
            if (error instanceof AppError && error.code === "invalid_input")
              throw new CliFailure(`Cannot ${change}: ${error.message}.`, 2);
            throw error;
          }
        },
      );
  }
}
