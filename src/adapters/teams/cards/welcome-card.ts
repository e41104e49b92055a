import { describeCommands, type CommandDescription } from "../../../conversation/describe-commands.ts";
import type { Language } from "../../../shared/language.ts";
import { translate } from "../../../shared/messages/translate.ts";

/** Data for cards/welcome.json: sent once when the app is added to a chat, group chat or team. */
export interface WelcomeCardData {
  title: string;
  intro: string;
  commandsHeading: string;
  commands: CommandDescription[];
  footer: string;
  helpButton: string;
  /** What the help button asks, as if typed (Action.Submit with `{ ask }`, see askedText). */
  helpCommand: string;
}

export function welcomeCardData(language: Language): WelcomeCardData {
  return {
    title: translate(language, "welcome.title"),
    intro: translate(language, "welcome.intro"),
    commandsHeading: translate(language, "welcome.commandsHeading"),
    commands: describeCommands(language),
    footer: translate(language, "welcome.footer"),
    helpButton: translate(language, "help.title"),
    helpCommand: translate(language, "command.help.title"),
  };
}
