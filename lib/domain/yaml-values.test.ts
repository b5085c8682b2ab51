import { describe, expect, it } from "vitest";

import { parseKeyPath, setYamlValues, YamlEditError } from "./yaml-values";

const VALUES = `# Payments API in LAST — managed by Release Calendar
image:
  repository: registry.example.com/payments-api   # the registry
  tag: "3.3.0"  # promoted by the calendar
  digest: sha256:aaaa
  pullPolicy: IfNotPresent

defaults: &defaults
  replicas: 2
  version: '1.0'

canary:
  <<: *defaults
  images:
    - name: api
      newTag: 3.3.0
    - name: worker
      newTag: 3.3.0
`;

describe("key paths", () => {
  it("read dots and list indexes, and refuse empty segments", () => {
    expect(parseKeyPath("image.tag")).toEqual(["image", "tag"]);
    expect(parseKeyPath("canary.images[1].newTag")).toEqual(["canary", "images", 1, "newTag"]);
    for (const bad of ["", "image.", ".tag", "image..tag", "a[x]", " image.tag", "a[0"]) {
      expect(parseKeyPath(bad), bad).toBeNull();
    }
  });
});

describe("setting YAML values", () => {
  it("changes only the value's characters, keeping quotes, comments and everything else", () => {
    const { text, changed } = setYamlValues(VALUES, [
      { key: "image.tag", value: "3.4.0" },
      { key: "image.digest", value: "sha256:bbbb" },
    ]);
    expect(changed).toBe(true);
    expect(text).toBe(
      VALUES.replace('tag: "3.3.0"  # promoted', 'tag: "3.4.0"  # promoted').replace(
        "digest: sha256:aaaa",
        "digest: sha256:bbbb",
      ),
    );
  });

  it("edits list items and single-quoted values in their style", () => {
    const { text } = setYamlValues(VALUES, [
      { key: "canary.images[1].newTag", value: "3.4.0" },
      { key: "defaults.version", value: "it's 2.0" },
    ]);
    expect(text).toContain("    - name: worker\n      newTag: 3.4.0\n");
    expect(text).toContain("    - name: api\n      newTag: 3.3.0\n");
    expect(text).toContain("  version: 'it''s 2.0'\n");
    expect(text).toContain("  <<: *defaults\n");
  });

  it("quotes a plain value that would otherwise read as something else", () => {
    const { text } = setYamlValues("tag: v1\n", [{ key: "tag", value: "1.10" }]);
    expect(text).toBe('tag: "1.10"\n');
    expect(setYamlValues("tag: v1\n", [{ key: "tag", value: "true" }]).text).toBe('tag: "true"\n');
    expect(setYamlValues("tag: v1 # c\n", [{ key: "tag", value: "v2" }]).text).toBe(
      "tag: v2 # c\n",
    );
  });

  it("writes nothing when the file already holds the values", () => {
    const result = setYamlValues(VALUES, [{ key: "image.tag", value: "3.3.0" }]);
    expect(result).toEqual({ text: VALUES, changed: false });
  });

  it("refuses a key that is not there, a map, an alias, and a file that is not YAML", () => {
    const fails = (text: string, key: string) => () =>
      setYamlValues(text, [{ key, value: "x" }], "envs/last/values.yaml");
    expect(fails(VALUES, "image.version")).toThrow(
      "key image.version not found in envs/last/values.yaml.",
    );
    expect(fails(VALUES, "image")).toThrow(YamlEditError);
    expect(fails("a: &x 1\nb: *x\n", "b")).toThrow(/alias/);
    expect(fails("a: [1, 2\n", "a")).toThrow(/not valid YAML/);
    expect(fails(VALUES, "image..tag")).toThrow(/not a key path/);
  });

  it("edits a block scalar into a quoted one", () => {
    const { text } = setYamlValues("note: |\n  old\nnext: 1\n", [{ key: "note", value: "new" }]);
    expect(text).toBe('note: "new"\nnext: 1\n');
  });
});
