// Binds the Adaptive Card JSON templates in cards/ to data. Templates hold layout and display-only
// logic ($when, $data); the typed data models next to this file say what each template needs.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as ACData from "adaptivecards-templating";
import { CardFactory, type Attachment } from "botbuilder";
import { paths } from "../project-paths.ts";

export type CardTemplateName =
  | "welcome"
  | "help"
  | "deadlines"
  | "status-overview"
  | "status-form"
  | "status-receipt"
  | "status-reminder"
  | "status-reopen-request"
  | "notice"
  | "summary"
  | "digest"
  | "import-review"
  | "review-item-form";

export interface AdaptiveCardJson {
  type: "AdaptiveCard";
  [key: string]: unknown;
}

export class CardRenderer {
  private readonly templates = new Map<string, ACData.Template>();

  constructor(private readonly folder = paths.cards) {}

  /** Names of every template in the cards folder (used by tests that check each one). */
  templateNames(): string[] {
    return readdirSync(this.folder)
      .filter((file) => file.endsWith(".json"))
      .map((file) => file.replace(/\.json$/, ""));
  }

  templateJson(name: string): unknown {
    return JSON.parse(readFileSync(join(this.folder, `${name}.json`), "utf8"));
  }

  render(name: CardTemplateName, data: object): AdaptiveCardJson {
    let template = this.templates.get(name);
    if (!template) {
      template = new ACData.Template(this.templateJson(name));
      this.templates.set(name, template);
    }
    return template.expand({ $root: data }) as AdaptiveCardJson;
  }

  attachment(name: CardTemplateName, data: object): Attachment {
    return CardFactory.adaptiveCard(this.render(name, data));
  }
}
