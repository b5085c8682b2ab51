import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";

import { ERROR_CODES } from "@/lib/errors";

import { OPERATIONS, openApiDocument, routeMethods } from "./openapi";

describe("the OpenAPI description", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = openApiDocument("http://localhost:3000");
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it("describes every route and method of the API, and nothing else", () => {
    const described = OPERATIONS.map((operation) => `${operation.method} ${operation.path}`).sort();
    expect(described).toEqual(routeMethods());
  });

  it("gives every JSON answer a schema", () => {
    const open = OPERATIONS.filter(
      (operation) =>
        !operation.response &&
        operation.success.status !== 204 &&
        !operation.success.contentType &&
        operation.path !== "/api/openapi.json",
    ).map((operation) => `${operation.method} ${operation.path}`);
    expect(open).toEqual([]);
  });

  it("states each error code under its status", () => {
    const document = openApiDocument() as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    const responses = document.paths["/api/releases"]!.post!.responses;
    expect(responses["409"]!.description).toBe("VERSION_TAKEN; SLOT_TAKEN");
    expect(responses["422"]!.description).toContain("NOT_A_WORKING_DAY");
    expect(responses["422"]!.description).not.toContain("VERSION_TAKEN");
  });

  it("lists every error code the API answers with", () => {
    const document = openApiDocument() as {
      components: {
        schemas: { Error: { properties: { error: { properties: { code: { enum: string[] } } } } } };
      };
    };
    expect(document.components.schemas.Error.properties.error.properties.code.enum).toEqual([
      ...ERROR_CODES,
    ]);
  });

  it("takes its request bodies from the routes' zod schemas", () => {
    const document = openApiDocument() as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<
                string,
                {
                  schema: { required?: string[]; properties?: Record<string, { enum?: string[] }> };
                }
              >;
            };
          }
        >
      >;
    };
    const deployment =
      document.paths["/api/deployments"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(deployment.required).toEqual(
      expect.arrayContaining(["environment", "version", "status"]),
    );
    expect(deployment.properties?.status?.enum).toEqual(["STARTED", "SUCCEEDED", "FAILED"]);
  });
});
