import { describeCommands, type CommandDescription } from "../../../conversation/describe-commands.ts";
import type { Language } from "../../../shared/language.ts";
import { translate } from "../../../shared/messages/translate.ts";

/** Data for cards/help.json: the answer to "hjälp" / "help". */
export interface HelpCardData {
  title: string;
  intro: string;
  commands: CommandDescription[];
  showChannelHint: boolean;
  channelHint: string;
}

export function helpCardData(language: Language, options: { inSharedConversation: boolean }): HelpCardData {
  return {
    title: translate(language, "help.title"),
    intro: translate(language, "help.intro"),
    commands: describeCommands(language),
    showChannelHint: options.inSharedConversation,
    channelHint: translate(language, "help.channelHint"),
  };
}
