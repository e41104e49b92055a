// Word documents are converted to HTML by mammoth; this turns that HTML into the same shape as
// the other formats: one paragraph per line, table rows as tab-separated cells.

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? whole;
  });
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = "";
  let cell: string[] | null = null;
  let row: string[] | null = null;
  let tableDepth = 0;
  const text = (value: string) => {
    if (cell) cell.push(value);
    else line += value;
  };
  const endLine = () => {
    if (line.trim()) out.push(line.replace(/[ \t]+/g, " ").trim());
    line = "";
  };
  for (const token of html.split(/(<[^>]+>)/)) {
    if (!token) continue;
    if (!token.startsWith("<")) {
      text(decodeEntities(token));
      continue;
    }
    const tag = /^<\/?\s*([a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase() ?? "";
    const closing = token.startsWith("</");
    switch (tag) {
      case "table":
        if (!closing) {
          endLine();
          tableDepth++;
        } else {
          tableDepth--;
          out.push("");
        }
        break;
      case "tr":
        if (!closing) row = [];
        else if (row) {
          out.push(row.join("\t"));
          row = null;
        }
        break;
      case "td":
      case "th":
        if (!closing) cell = [];
        else if (cell && row) {
          row.push(cell.join(" ").replace(/\s+/g, " ").trim());
          cell = null;
        }
        break;
      case "p":
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
      case "li":
        if (cell) {
          if (closing) cell.push(" ");
          else if (tag === "li") cell.push(" • ");
        } else if (closing) {
          endLine();
          if (tag.startsWith("h") || tag === "p") out.push("");
        } else {
          endLine();
          if (tag === "li") line = "- ";
          // Headings keep their level as Markdown marks, which the reader understands.
          else if (/^h[1-6]$/.test(tag)) line = `${"#".repeat(Number(tag[1]))} `;
        }
        break;
      case "br":
        if (cell) cell.push(" ");
        else endLine();
        break;
      default:
        break;
    }
  }
  endLine();
  void tableDepth;
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}
