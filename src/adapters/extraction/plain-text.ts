// Text files from municipal systems come as UTF-8, UTF-16 (Windows "Unicode") or Windows-1252.
// Decode them all; refuse files that are binary rather than text.
import { DocumentRejected, type ExtractedText } from "../../agreements/source-document.ts";

function decode(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  // UTF-16 without a byte-order mark: every other byte of Latin text is zero.
  const sample = bytes.subarray(0, 4096);
  let zerosOdd = 0;
  let zerosEven = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? zerosOdd++ : zerosEven++;
  if (zerosOdd > sample.length / 4 && zerosEven < sample.length / 50)
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  if (zerosEven > sample.length / 4 && zerosOdd < sample.length / 50)
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

export function extractPlainText(bytes: Uint8Array, markdown: boolean): ExtractedText {
  const { text, encoding } = decode(bytes);
  const controls = (text.match(/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g) ?? []).length;
  if (controls > Math.max(8, text.length * 0.01)) {
    throw new DocumentRejected(
      "binary",
      "The file is not readable text (it looks binary or uses an unknown encoding). Save it as UTF-8 text, Word (.docx) or PDF.",
    );
  }
  const warnings = encoding === "utf-8" ? [] : [`Decoded as ${encoding}.`];
  return {
    text: markdown ? markdownToText(text) : text,
    mediaType: markdown ? "text/markdown" : "text/plain",
    encoding,
    pageCount: null,
    warnings,
  };
}

/** Markdown tables become tab-separated rows and heading marks disappear, like the other formats. */
function markdownToText(markdown: string): string {
  return markdown
    .split(/\r?\n/)
    .filter((line) => !/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line))
    .map((line) => {
      if (/^\s*\|.*\|\s*$/.test(line))
        return line
          .trim()
          .replace(/^\||\|$/g, "")
          .split("|")
          .map((c) => c.trim())
          .join("\t");
      return line
        .replace(/^#{1,6}\s+/, "")
        .replace(/\*\*(.+?)\*\*/g, "$1")
        .replace(/^\s*[-*+]\s+/, "- ");
    })
    .join("\n");
}
