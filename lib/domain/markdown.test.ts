import { describe, expect, it } from "vitest";

import { renderMarkdown } from "./markdown";

/** Known XSS payloads: raw HTML, event attributes, dangerous schemes (also encoded), SVG, frames. */
const PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  '<img src="https://x.example/a.png" onerror="alert(1)">',
  "<img src=x onerror=alert(1)//",
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  "<svg><script>alert(1)</script></svg>",
  '<iframe src="https://evil.example"></iframe>',
  '<object data="https://evil.example/x.swf"></object>',
  '<a href="javascript:alert(1)">x</a>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](javascript&#58;alert(1))",
  "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
  "[click](%6A%61%76%61%73%63%72%69%70%74:alert(1))",
  "[click]( javascript:alert(1))",
  "[click](vbscript:msgbox(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "![x](javascript:alert(1))",
  "[x]: javascript:alert(1)\n\n[ref][x]",
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<details open ontoggle="alert(1)">x</details>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "<form action=javascript:alert(1)><button>x</button></form>",
  '<input autofocus onfocus="alert(1)">',
  "<body onload=alert(1)>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  "**bold <img src=x onerror=alert(1)> bold**",
  "> quote <script>alert(1)</script>",
  "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
  '<a href="https://ok.example" onclick="alert(1)">ok</a>',
  "<<script>script>alert(1)<</script>/script>",
  "<!-- --><script>alert(1)</script>",
  '<style>body{background:url("javascript:alert(1)")}</style>',
  "``<script>`` <script>alert(1)</script>",
];

const FORBIDDEN = [
  /<script/i,
  /<svg/i,
  /<iframe/i,
  /<object/i,
  /<style/i,
  /<form/i,
  /<input/i,
  /<meta/i,
  /<base/i,
  /<math/i,
  /<details/i,
  /<[a-z][^>]*\son[a-z]+=/i,
  /href="\s*(?:javascript|vbscript|data):/i,
  /src="(?!https:)/i,
  /style=/i,
];

describe("renderMarkdown: the sanitiser", () => {
  it.each(PAYLOADS)("leaves nothing dangerous of %s", (payload) => {
    const { html } = renderMarkdown(payload);
    for (const pattern of FORBIDDEN) expect(html).not.toMatch(pattern);
  });

  it("renders GitHub-flavoured Markdown: headings, lists, tables, task lists, code, strikethrough", () => {
    const { html } = renderMarkdown(
      "## New\n\n- [x] done\n- ~~gone~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst a = 1;\n```\n\nhttps://example.com",
    );
    expect(html).toContain("<h2>New</h2>");
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toContain("<del>gone</del>");
    expect(html).toContain("<table>");
    expect(html).toContain('<code class="language-ts">');
    expect(html).toContain('href="https://example.com"');
  });

  it("opens links outside without opener or referrer, keeps mailto", () => {
    const { html } = renderMarkdown("[docs](https://docs.example/x) and <mailto:qa@example.com>");
    expect(html).toContain(
      '<a href="https://docs.example/x" rel="noopener noreferrer nofollow" target="_blank">docs</a>',
    );
    expect(html).toContain('href="mailto:qa@example.com"');
  });

  it("keeps images over https only, and the words of the others", () => {
    expect(renderMarkdown("![chart](https://cdn.example/c.png)").html).toContain(
      '<img src="https://cdn.example/c.png" alt="chart">',
    );
    const insecure = renderMarkdown("![chart](http://cdn.example/c.png)").html;
    expect(insecure).not.toContain("<img");
    expect(insecure).toContain("chart");
  });

  it("drops raw HTML instead of showing or keeping it", () => {
    expect(renderMarkdown('Hello <b>bold</b> <span class="x">s</span>').html).toBe(
      "<p>Hello bold s</p>",
    );
  });

  it("gives the plain text of the notes", () => {
    expect(renderMarkdown("### Fixes\n\n- **api:** round ([abc](https://x.example))").text).toBe(
      "Fixes\n• api: round (abc)",
    );
  });
});
