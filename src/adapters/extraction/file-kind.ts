// Which reader a file needs, by its content (magic bytes) first and its name second, so a
// misnamed file gets a message about what it really is. Kept apart from the readers so the
// bounded extractor can decide without loading them.
import { DocumentRejected, type ExtractedText, type SourceFile } from "../../agreements/source-document.ts";

export type FileKind = "pdf" | "docx" | "legacyWord" | "text" | "unsupported";

const textExtensions = ["txt", "text", "md", "markdown", ""];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((value, index) => bytes[index] === value);
}

export function extensionOf(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
}

/** A Word file (.docx) is a zip archive. */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

/** A text file named as Markdown, whose emphasis and headings are layout. */
export function isMarkdown(name: string): boolean {
  return ["md", "markdown"].includes(extensionOf(name));
}

export function fileKindOf(file: SourceFile): FileKind {
  const { bytes } = file;
  const extension = extensionOf(file.name);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]) || extension === "doc") return "legacyWord";
  if (extension === "pdf" || Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes("%PDF-")) return "pdf";
  if (extension === "docx" || isZip(bytes)) return "docx";
  return textExtensions.includes(extension) ? "text" : "unsupported";
}

/** Every reader's result must hold some words; a file of images or symbols is refused here. */
export function requireReadableText(result: ExtractedText): ExtractedText {
  // Twenty letters make a text: counted up to there, not collected (a 3 MB file has millions).
  let letters = 0;
  for (const _ of result.text.matchAll(/\p{L}/gu)) if (++letters >= 20) return result;
  throw new DocumentRejected("no_text", "The file contains no readable text.");
}
