import type { Metadata } from "next";

import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { OPERATIONS, openApiDocument } from "@/lib/http/openapi";

export const metadata: Metadata = { title: "API" };

const METHOD_TONE = {
  GET: "info",
  POST: "success",
  PUT: "warning",
  PATCH: "warning",
  DELETE: "danger",
} as const;

type Body = { properties?: Record<string, unknown>; required?: string[] };

type ApiDocument = {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: { "application/json": { schema: Body } } } }>
  >;
};

/** The fields of an operation's JSON body, required ones first. */
function bodyFields(
  document: ApiDocument,
  path: string,
  method: string,
): { name: string; required: boolean }[] {
  const schema = document.paths[path]?.[method]?.requestBody?.content["application/json"].schema;
  const required = new Set(schema?.required ?? []);
  return Object.keys(schema?.properties ?? {})
    .map((name) => ({ name, required: required.has(name) }))
    .sort((a, b) => Number(b.required) - Number(a.required));
}

/** The API for people: every operation by area, who may call it, what it takes. No client script. */
export default function ApiDocsPage() {
  const tags = [...new Set(OPERATIONS.map((operation) => operation.tag))];
  const document = openApiDocument() as unknown as ApiDocument;
  return (
    <div className="max-w-5xl space-y-8">
      <PageHeader
        title="HTTP API"
        description="Every route, who may call it and what it takes. Authenticate with Authorization: Bearer <API token> (Profile → API tokens). Errors are {error: {code, message, details}}; dates are YYYY-MM-DD."
      />
      <p className="text-sm">
        Machine-readable:{" "}
        <a href="/api/openapi.json" className="font-mono text-accent hover:underline">
          /api/openapi.json
        </a>{" "}
        (OpenAPI 3.1, generated from the schemas the routes validate with).
      </p>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-3">
          <h2 id={`tag-${tag}`} className="text-base font-semibold text-fg">
            {tag}
          </h2>
          <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
            {OPERATIONS.filter((operation) => operation.tag === tag).map((operation) => {
              const fields = bodyFields(document, operation.path, operation.method.toLowerCase());
              return (
                <li
                  key={`${operation.method} ${operation.path}`}
                  className="space-y-1 px-4 py-3"
                  data-testid="api-operation"
                >
                  <p className="flex flex-wrap items-center gap-2">
                    <Badge tone={METHOD_TONE[operation.method]} className="w-16 justify-center">
                      {operation.method}
                    </Badge>
                    <code className="font-mono text-sm text-fg">{operation.path}</code>
                    <span className="text-sm text-muted">{operation.summary}</span>
                  </p>
                  <p className="text-xs text-muted">
                    {operation.access === "public"
                      ? "Anyone."
                      : operation.access === "feed-token"
                        ? "The feed token in the address."
                        : `Needs ${operation.access}.`}{" "}
                    Answers {operation.success.status}
                    {operation.errors?.length
                      ? `; may refuse with ${operation.errors.join(", ")}`
                      : ""}
                    .
                  </p>
                  {fields.length > 0 && (
                    <p className="text-xs text-muted">
                      Body:{" "}
                      {fields.map((field, index) => (
                        <span key={field.name}>
                          {index > 0 && ", "}
                          <code className={field.required ? "font-mono text-fg" : "font-mono"}>
                            {field.name}
                            {field.required ? "" : "?"}
                          </code>
                        </span>
                      ))}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
