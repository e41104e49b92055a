// Which language to answer in. The bot speaks Swedish unless the person clearly writes English.
export type Language = "sv" | "en";

const ENGLISH_WORDS = new Set(
  (
    "the a an is are was what which who whom whose when where why how do does did can could would should will " +
    "please help me my i you your we our it its this that these those there of to in on at for with from by about " +
    "before after between until due next last week month year show list tell give get find report reports " +
    "summary status much many receive received any anything something hello hi hey thanks thank yes no " +
    "not have has and or but if then than also only just all every each what's who's " +
    // Nouns of the domain that are English only: a short question ("TFCO reporting dates 2026?") has few function words.
    "reporting reported dates date deadline deadlines meeting meetings committee committees agreement agreements " +
    "assignment assignments goal goals indicator indicators compensation written oral spring autumn quarter " +
    "follow-up due"
  ).split(/\s+/),
);

const SWEDISH_WORDS = new Set(
  (
    "är var vad vilka vilken vilket vem vems när var varför hur gör gjorde kan kunde ska skall skulle vill " +
    "hjälp mig min mitt mina jag du din ditt dina vi vår vårt våra det den de dem detta denna dessa där " +
    "av till i på för med från om före efter mellan innan senast tills nästa förra vecka veckan månad månaden år året " +
    "visa lista berätta ge hitta rapport rapporter redovisa redovisas redovisning sammanfattning status mycket " +
    "många får fick någon något hej tack ja nej inte har hade och eller men om så än också bara alla varje " +
    "ett en att som sig sin sitt sina finns gäller ingen inget inga"
  ).split(/\s+/),
);

/**
 * Guesses the language of a message: Swedish letters and Swedish function words count for Swedish,
 * English words for English. `undefined` when the words do not tell (e.g. a bare "status").
 */
export function guessLanguage(text: string | undefined): Language | undefined {
  if (!text) return undefined;
  const written = text.match(/[\p{L}']+/gu) ?? [];
  let english = 0;
  let swedish = 0;
  written.forEach((original, index) => {
    const word = original.toLowerCase();
    if (ENGLISH_WORDS.has(word)) english += 1;
    if (SWEDISH_WORDS.has(word)) swedish += 1;
    // Å, ä and ö are Swedish, except in the names an English question quotes ("Who heads
    // Måltidsservice at Norrbäck's …?"): a capitalised word after the first says nothing.
    if (/[åäö]/.test(word) && (index === 0 || !/^\p{Lu}/u.test(original))) swedish += 1;
  });
  if (english > swedish) return "en";
  if (swedish > english) return "sv";
  return undefined;
}

/** The language to answer `text` in; `fallback` (usually the person's last language) on a tie. */
export function detectLanguage(text: string | undefined, fallback: Language = "sv"): Language {
  return guessLanguage(text) ?? fallback;
}
