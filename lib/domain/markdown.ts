// Release notes are Markdown (GitHub flavour) written by people and pipelines, read in the app, in
// emails and in feeds: one renderer, one set of rules for all three. Raw HTML never survives (it is
// dropped, not escaped into view), and the sanitiser keeps only GitHub's safe elements and
// attributes: no script, no event attributes, no iframes or SVG, links only to http(s) and mailto,
// images only over https. The plain text is what a calendar's event description shows.
import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

export type RenderedMarkdown = { html: string; text: string };

const schema = {
  ...defaultSchema,
  protocols: {
    ...defaultSchema.protocols,
    href: ["http", "https", "mailto"],
    src: ["https"],
    cite: ["http", "https"],
  },
};

/** Links leave the app in a new tab without handing it the opener or the referrer. */
function externalLinks() {
  return (tree: Root) => {
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        if (child.tagName === "a" && typeof child.properties.href === "string") {
          child.properties.rel = ["noopener", "noreferrer", "nofollow"];
          child.properties.target = "_blank";
        }
        // An image whose address the sanitiser dropped is no image at all.
        if (child.tagName === "img" && !child.properties.src) {
          node.children.splice(node.children.indexOf(child), 1, {
            type: "text",
            value: typeof child.properties.alt === "string" ? child.properties.alt : "",
          });
          continue;
        }
        visit(child);
      }
    };
    visit(tree);
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype) // without allowDangerousHtml: raw HTML in the Markdown is dropped
  .use(rehypeSanitize, schema)
  .use(externalLinks)
  .freeze();

const stringifier = unified().use(rehypeStringify).freeze();

/** Plain text reads lists with bullets (the tree is changed: call it after the HTML is made). */
function bulletLists(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.tagName === "li") child.children.unshift({ type: "text", value: "• " });
    bulletLists(child);
  }
}

/** The sanitised HTML and the plain text of a Markdown document. */
export function renderMarkdown(markdown: string): RenderedMarkdown {
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  const html = stringifier.stringify(tree);
  bulletLists(tree);
  const text = toText(tree as never)
    .replace(/• \[[ x]\] /g, "• ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { html, text };
}
