import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { appVersion } from "../version.ts";
import { CliFailure, type CliContext } from "./cli-context.ts";

export function registerAppPackageCommand(program: Command, context: CliContext, cwd: string): void {
  program
    .command("app-package")
    .description("build the Teams app package (zip) to upload in Teams or the Teams admin center")
    .option("--app-id <guid>", "the bot's Microsoft app id (default: MICROSOFT_APP_ID)")
    .option("--domain <host>", "the host name the bot is reached on (default: BOT_DOMAIN)")
    .option("--out <file>", "where to write the zip", "build/appPackage.zip")
    .action(async (options: { appId?: string; domain?: string; out: string }) => {
      const appId = options.appId ?? context.config.bot.appId;
      const domain = options.domain ?? context.config.botDomain;
      if (!appId || !domain) {
        throw new CliFailure(
          "The app package needs the bot's app id and public host name: pass --app-id <guid> --domain <host> " +
            "or set MICROSOFT_APP_ID and BOT_DOMAIN.",
          2,
        );
      }
      // Loaded only for this command: the zip library is not needed by any other.
      const { AppPackageError, buildAppPackage } = await import("../teams/app-package.ts");
      try {
        const { zip } = await buildAppPackage({ appId, domain, version: appVersion });
        const out = resolve(cwd, options.out);
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, zip);
        context.out(`wrote ${out} (${zip.length} bytes): upload it in Teams → Apps → Manage your apps → Upload an app`);
      } catch (error) {
        if (error instanceof AppPackageError) throw new CliFailure(error.message, 2);
        throw error;
      }
    });
}
