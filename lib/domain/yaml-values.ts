// Setting values in a YAML file the way a person would: only the characters of each value change,
// so every comment, anchor, blank line and the formatting of the rest stay as they were (GitOps
// values files are read and reviewed by people). Keys are paths such as `image.tag` or
// `images[0].newTag`; a key that is not in the file is an error, never added. Pure.
import { isAlias, isScalar, parseDocument, Scalar } from "yaml";

export type KeyPath = (string | number)[];
export type ValueEdit = { key: string; value: string };
export type EditedYaml = { text: string; changed: boolean };

/** Why a file could not be edited, in words for the promotion's state. */
export class YamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "YamlEditError";
  }
}

const SEGMENT = /^([^.[\]]+)((?:\[\d+\])*)$/;

/** `image.tag` → ["image", "tag"]; `images[0].newTag` → ["images", 0, "newTag"]; null if malformed. */
export function parseKeyPath(key: string): KeyPath | null {
  if (key.trim() !== key || key === "") return null;
  const path: KeyPath = [];
  for (const segment of key.split(".")) {
    const match = SEGMENT.exec(segment);
    if (!match) return null;
    path.push(match[1]!);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

/** Whether `value` written plain reads back as that very string (`1.10` would be a number). */
function readsBackPlain(value: string): boolean {
  if (value === "" || /^\s|\s$|[\n\r\t]/.test(value)) return false;
  try {
    const doc = parseDocument(`k: ${value}\n`);
    return doc.errors.length === 0 && doc.get("k") === value && !String(doc).includes("#");
  } catch {
    return false;
  }
}

/** The value written in the style the old one had, quoted when plain would change its meaning. */
function render(value: string, style: Scalar["type"]): string {
  if (style === Scalar.QUOTE_SINGLE) return `'${value.replaceAll("'", "''")}'`;
  if (style === Scalar.PLAIN && readsBackPlain(value)) return value;
  return JSON.stringify(value);
}

/** Sets each key to its value; answers the new text, or the same text when nothing changed. */
export function setYamlValues(
  text: string,
  edits: readonly ValueEdit[],
  file = "the file",
): EditedYaml {
  const doc = parseDocument(text);
  if (doc.errors.length > 0)
    throw new YamlEditError(`${file} is not valid YAML: ${doc.errors[0]!.message}`);
  const replacements: { start: number; end: number; text: string }[] = [];
  for (const edit of edits) {
    const path = parseKeyPath(edit.key);
    if (!path) throw new YamlEditError(`${edit.key} is not a key path such as image.tag.`);
    const node = doc.getIn(path, true);
    if (isAlias(node)) {
      throw new YamlEditError(
        `key ${edit.key} in ${file} is an alias (${String(node)}): set its anchor instead.`,
      );
    }
    if (!isScalar(node) || !node.range) {
      throw new YamlEditError(`key ${edit.key} not found in ${file}.`);
    }
    if (node.value !== null && typeof node.value === "object") {
      throw new YamlEditError(`key ${edit.key} in ${file} is not a single value.`);
    }
    if (String(node.value ?? "") === edit.value) continue;
    const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
    replacements.push({
      start: node.range[0],
      end: node.range[1],
      text: render(edit.value, block ? Scalar.QUOTE_DOUBLE : node.type),
    });
  }
  if (replacements.length === 0) return { text, changed: false };
  let result = text;
  for (const replacement of replacements.sort((a, b) => b.start - a.start)) {
    const tail = result.slice(replacement.end);
    // A block scalar's range ends with its line break: keep one.
    const keepBreak =
      /^\n/.test(tail) || !result.slice(replacement.start, replacement.end).endsWith("\n")
        ? ""
        : "\n";
    result = result.slice(0, replacement.start) + replacement.text + keepBreak + tail;
  }
  // The edit must read back as asked: anything else is a bug, not a commit.
  const check = parseDocument(result);
  for (const edit of edits) {
    if (String(check.getIn(parseKeyPath(edit.key)!) ?? "") !== edit.value) {
      throw new YamlEditError(`key ${edit.key} in ${file} could not be set to ${edit.value}.`);
    }
  }
  return { text: result, changed: true };
}
