import { describe, expect, it } from "vitest";

import { renderMarkdown } from "./markdown";
import { noteLineOf, notesBytes, notesFromCommits } from "./release-notes";

const commit = (message: string, sha = "abcdef0123456789", url?: string) => ({ sha, message, url });

describe("noteLineOf: the Conventional Commits grouping", () => {
  it("puts feat in features and fix in fixes, with the scope", () => {
    expect(noteLineOf(commit("feat(api): accept refunds"))).toMatchObject({
      group: "features",
      scope: "api",
      text: "accept refunds",
    });
    expect(noteLineOf(commit("fix: round totals half up"))).toMatchObject({
      group: "fixes",
      scope: null,
      text: "round totals half up",
    });
  });

  it("reads a breaking change from `!` in the header, with or without scope", () => {
    expect(noteLineOf(commit("feat!: drop API v1"))).toMatchObject({
      group: "breaking",
      text: "drop API v1",
    });
    expect(noteLineOf(commit("refactor(auth)!: tokens expire after 90 days"))).toMatchObject({
      group: "breaking",
      scope: "auth",
      text: "tokens expire after 90 days",
    });
  });

  it("reads a breaking change from the footer, and tells what breaks", () => {
    const line = noteLineOf(
      commit(
        "feat(export): CSV export\n\nAdds a button.\n\nBREAKING CHANGE: the column order\nchanged for all exports",
      ),
    );
    expect(line).toMatchObject({
      group: "breaking",
      scope: "export",
      text: "the column order changed for all exports",
    });
    expect(noteLineOf(commit("fix: x\n\nBREAKING-CHANGE: y is gone"))).toMatchObject({
      group: "breaking",
      text: "y is gone",
    });
  });

  it("leaves merge commits out", () => {
    expect(noteLineOf(commit("Merge pull request #42 from acme/feat-x\n\nfeat: x"))).toBeNull();
    expect(noteLineOf(commit("Merge branch 'main' into release/3.4"))).toBeNull();
    expect(noteLineOf(commit("   "))).toBeNull();
  });

  it("keeps other types and messages that follow no convention as other changes", () => {
    expect(noteLineOf(commit("chore(deps): bump zod"))).toMatchObject({
      group: "other",
      scope: "deps",
      text: "bump zod",
    });
    expect(noteLineOf(commit("Update README.md\n\nmore words"))).toMatchObject({
      group: "other",
      scope: null,
      text: "Update README.md",
    });
    expect(noteLineOf(commit("FEAT: shouting still counts"))).toMatchObject({ group: "features" });
  });
});

describe("notesFromCommits", () => {
  it("groups in a fixed order, links each line and keeps the commits' order", () => {
    const markdown = notesFromCommits([
      commit("fix: b", "1111111aaaa", "https://git.example/c/1111111aaaa"),
      commit("chore: c", "2222222bbbb"),
      commit("feat: a1", "3333333cccc", "https://git.example/c/3333333cccc"),
      commit("Merge branch 'x'", "4444444dddd"),
      commit("feat!: gone", "5555555eeee"),
      commit("feat: a2", "6666666ffff"),
    ]);
    expect(markdown).toBe(
      [
        "### Breaking changes",
        "",
        "- gone (5555555)",
        "",
        "### Features",
        "",
        "- a1 ([3333333](https://git.example/c/3333333cccc))",
        "- a2 (6666666)",
        "",
        "### Fixes",
        "",
        "- b ([1111111](https://git.example/c/1111111aaaa))",
        "",
        "### Other changes",
        "",
        "- c (2222222)",
        "",
      ].join("\n"),
    );
  });

  it("escapes what a message would otherwise make Markdown or HTML of", () => {
    const markdown = notesFromCommits([
      commit("fix: <img src=x onerror=alert(1)> and [link](javascript:alert(1)) *x*"),
    ]);
    const { html } = renderMarkdown(markdown);
    expect(html).not.toContain("<img");
    expect(html).not.toContain('href="javascript');
    expect(html).toContain("&#x3C;img src=x onerror=alert(1)>");
    expect(html).toContain("*x*");
  });

  it("is empty for nothing worth telling, and measures bytes, not characters", () => {
    expect(notesFromCommits([commit("Merge branch 'a'")])).toBe("");
    expect(notesBytes("é")).toBe(2);
  });
});
