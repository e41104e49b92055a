// Builds the Teams app package (the zip an administrator uploads to Teams) from appPackage/:
// the manifest with this installation's bot id and domain filled in, its localisation and icons.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { paths } from "../project-paths.ts";

export interface AppPackageOptions {
  /** The bot's Microsoft app (client) id: a GUID. */
  appId: string;
  /** Public host name the bot is reached on, without scheme or path, e.g. bot.kommun.se. */
  domain: string;
  version: string;
}

export class AppPackageError extends Error {}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const PACKAGE_FILES = ["manifest.json", "en-us.json", "color.png", "outline.png"];

export function renderManifest(template: string, options: AppPackageOptions): Record<string, unknown> {
  if (!GUID.test(options.appId))
    throw new AppPackageError(`The app id must be the bot's Microsoft app id (a GUID), got "${options.appId}"`);
  if (!HOST.test(options.domain)) {
    throw new AppPackageError(
      `The domain must be a host name such as bot.kommun.se (no https://, no path), got "${options.domain}"`,
    );
  }
  const values: Record<string, string> = {
    MICROSOFT_APP_ID: options.appId.toLowerCase(),
    BOT_DOMAIN: options.domain.toLowerCase(),
    APP_VERSION: options.version,
  };
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (match, name: string) => {
    if (!(name in values)) throw new AppPackageError(`appPackage/manifest.json uses an unknown placeholder ${match}`);
    return values[name]!;
  });
  return JSON.parse(filled) as Record<string, unknown>;
}

export async function buildAppPackage(
  options: AppPackageOptions,
  folder = paths.appPackage,
): Promise<{ zip: Buffer; manifest: Record<string, unknown> }> {
  const manifest = renderManifest(readFileSync(join(folder, "manifest.json"), "utf8"), options);
  const zip = new JSZip();
  for (const file of PACKAGE_FILES) {
    const content = file === "manifest.json" ? JSON.stringify(manifest, null, 2) : readFileSync(join(folder, file));
    // Teams requires the files at the root of the zip, not in a folder.
    zip.file(file, content);
  }
  return { zip: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), manifest };
}
