// The container and Kubernetes files, checked as a cluster would read them: the kustomizations
// rendered (resources, generated ConfigMaps, namespace, images, replicas, labels), every object
// validated against the Kubernetes schemas (kubernetes-models), and the references between them
// and the app (probe paths, ports, environment variables, images) kept true.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

import { Deployment } from "kubernetes-models/apps/v1";
import { Job } from "kubernetes-models/batch/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Service } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";

import { ENV_NAMES } from "@/lib/env";
import { API_ROUTES } from "@/lib/http/api-routes";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "v1/ConfigMap": ConfigMap,
  "v1/Service": Service,
};

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
};
type Kustomization = {
  resources?: string[];
  namespace?: string;
  labels?: { pairs: Record<string, string> }[];
  images?: { name: string; newTag: string }[];
  replicas?: { name: string; count: number }[];
  configMapGenerator?: { name: string; behavior?: "create" | "merge"; literals: string[] }[];
};

/** What `kustomize build` makes of the folder, for the features these files use. */
function render(dir: string): K8sObject[] {
  const kustomization = parse(
    readFileSync(path.join(dir, "kustomization.yaml"), "utf8"),
  ) as Kustomization;
  let objects: K8sObject[] = [];
  for (const resource of kustomization.resources ?? []) {
    const target = path.join(dir, resource);
    if (statSync(target).isDirectory()) objects.push(...render(target));
    else
      objects.push(
        ...parseAllDocuments(readFileSync(target, "utf8")).map((doc) => doc.toJSON() as K8sObject),
      );
  }
  for (const generator of kustomization.configMapGenerator ?? []) {
    const data = Object.fromEntries(
      generator.literals.map((literal) => [
        literal.slice(0, literal.indexOf("=")),
        literal.slice(literal.indexOf("=") + 1),
      ]),
    );
    const existing = objects.find(
      (o) => o.kind === "ConfigMap" && o.metadata.name === generator.name,
    );
    if (generator.behavior === "merge") {
      expect(existing, `merge into ConfigMap ${generator.name}`).toBeDefined();
      existing!.data = { ...(existing!.data as object), ...data };
    } else {
      expect(existing, `ConfigMap ${generator.name} generated twice`).toBeUndefined();
      objects.push({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: generator.name },
        data,
      });
    }
  }
  for (const { pairs } of kustomization.labels ?? [])
    for (const object of objects) object.metadata.labels = { ...object.metadata.labels, ...pairs };
  if (kustomization.namespace)
    objects = objects.map((o) => ({
      ...o,
      metadata: { ...o.metadata, namespace: kustomization.namespace },
    }));
  for (const replica of kustomization.replicas ?? []) {
    const target = objects.find((o) => o.kind === "Deployment" && o.metadata.name === replica.name);
    expect(target, `replicas for ${replica.name}`).toBeDefined();
    (target!.spec as { replicas: number }).replicas = replica.count;
  }
  for (const image of kustomization.images ?? []) {
    let used = false;
    for (const container of objects.flatMap(containersOf))
      if (container.image.split(":")[0] === image.name) {
        container.image = `${image.name}:${image.newTag}`;
        used = true;
      }
    expect(used, `image ${image.name} is used`).toBe(true);
  }
  return objects;
}

type Container = {
  name: string;
  image: string;
  ports?: { name: string; containerPort: number }[];
  env?: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string } }[];
  livenessProbe?: { httpGet: { path: string; port: string } };
  readinessProbe?: { httpGet: { path: string; port: string } };
  startupProbe?: { httpGet: { path: string; port: string } };
};
function podSpecOf(object: K8sObject) {
  const spec = object.spec as
    | {
        template?: {
          metadata?: { labels?: Record<string, string> };
          spec: { containers: Container[]; securityContext?: { runAsNonRoot?: boolean } };
        };
      }
    | undefined;
  return spec?.template;
}
function containersOf(object: K8sObject): Container[] {
  return podSpecOf(object)?.spec.containers ?? [];
}
const one = (objects: K8sObject[], kind: string) => {
  const found = objects.filter((o) => o.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0]!;
};
const routePaths = new Set(API_ROUTES.filter((r) => r.methods.includes("GET")).map((r) => r.path));

describe.each([
  ["base", 2],
  ["overlays/production", 3],
])("deploy/%s", (folder, replicas) => {
  const objects = render(path.join(ROOT, "deploy", folder));

  it("is valid Kubernetes, object by object", () => {
    expect(objects.map((o) => o.kind).sort()).toEqual([
      "ConfigMap",
      "Deployment",
      "Job",
      "PodDisruptionBudget",
      "Service",
    ]);
    for (const object of objects) {
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      expect(Model, `${object.apiVersion} ${object.kind}`).toBeDefined();
      expect(() => new Model!(object as never).validate(), object.kind).not.toThrow();
    }
  });

  it("runs several non-root replicas, probed on the app's health and readiness routes", () => {
    const deployment = one(objects, "Deployment");
    expect((deployment.spec as { replicas: number }).replicas).toBe(replicas);
    expect(podSpecOf(deployment)!.spec.securityContext?.runAsNonRoot).toBe(true);
    const [app] = containersOf(deployment);
    expect(app!.livenessProbe!.httpGet.path).toBe("/api/health");
    expect(app!.readinessProbe!.httpGet.path).toBe("/api/ready");
    for (const probe of [app!.livenessProbe, app!.readinessProbe, app!.startupProbe]) {
      expect(routePaths.has(probe!.httpGet.path)).toBe(true);
      expect(app!.ports!.map((p) => p.name)).toContain(probe!.httpGet.port);
    }
    expect(app!.ports).toEqual([{ name: "http", containerPort: 3000 }]);
  });

  it("wires the Service and the disruption budget to the pods", () => {
    const podLabels = podSpecOf(one(objects, "Deployment"))!.metadata!.labels!;
    const service = one(objects, "Service").spec as {
      selector: Record<string, string>;
      ports: { targetPort: string }[];
    };
    expect(podLabels).toMatchObject(service.selector);
    expect(service.ports[0]!.targetPort).toBe("http");
    const budget = one(objects, "PodDisruptionBudget").spec as {
      selector: { matchLabels: Record<string, string> };
    };
    expect(podLabels).toMatchObject(budget.selector.matchLabels);
  });

  it("passes only settings the app reads, secrets from the Secret", () => {
    const config = one(objects, "ConfigMap");
    for (const key of Object.keys(config.data as object)) expect(ENV_NAMES).toContain(key);
    for (const workload of [one(objects, "Deployment"), one(objects, "Job")]) {
      for (const container of containersOf(workload)) {
        for (const variable of container.env ?? []) {
          expect(ENV_NAMES).toContain(variable.name);
          if (variable.valueFrom)
            expect(variable.valueFrom.secretKeyRef!.name).toBe("release-calendar");
        }
        for (const source of container.envFrom ?? [])
          expect(source.configMapRef!.name).toBe(config.metadata.name);
      }
    }
    const [migrate] = containersOf(one(objects, "Job"));
    expect(migrate!.env!.map((v) => v.name)).toEqual(["DATABASE_URL"]);
  });

  it("runs the app image and migrates with the migration image of the same tag", () => {
    const [app] = containersOf(one(objects, "Deployment"));
    const [migrate] = containersOf(one(objects, "Job"));
    const [appImage, appTag] = app!.image.split(":");
    const [migrateImage, migrateTag] = migrate!.image.split(":");
    expect(migrateImage).toBe(`${appImage}-migrate`);
    expect(migrateTag).toBe(appTag);
    if (folder !== "base") expect(appTag).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

it("the schema check refuses a broken object (it can fail)", () => {
  const broken = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "x" },
    spec: { replicas: "two" },
  };
  expect(() => new Deployment(broken as never).validate()).toThrow();
});

describe("Dockerfile", () => {
  const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const last = stages.at(-1)!;

  it("builds standalone, copies files that exist, and runs the app as a non-root user", () => {
    expect(dockerfile).toContain("NEXT_OUTPUT=standalone npm run build");
    for (const [, sources] of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm))
      for (const source of sources!.split(" ").filter((part) => !part.startsWith("--")))
        expect(() => statSync(path.join(ROOT, source)), source).not.toThrow();
    expect(last).toMatch(/^USER node$/m);
    expect(last).toContain('CMD ["node", "server.js"]');
    expect(last).toMatch(/EXPOSE 3000/);
    const health = /HEALTHCHECK[\s\S]*?(\/api\/\w+)/.exec(last)![1]!;
    expect(routePaths.has(health)).toBe(true);
    expect(last).toContain("prisma/migrations");
  });

  it("has a migrate target that runs the migrations", () => {
    const migrate = stages.find((stage) => / AS migrate$/m.test(stage.split("\n")[0]!))!;
    expect(migrate).toContain('CMD ["npm", "run", "db:deploy"]');
    expect(migrate).toMatch(/^USER node$/m);
  });
});

describe("docker-compose.yml", () => {
  const compose = parse(readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8")) as {
    services: Record<
      string,
      {
        image: string;
        build?: { target: string };
        environment?: Record<string, string>;
        depends_on?: Record<string, { condition: string }>;
      }
    >;
  };

  it("runs PostgreSQL 16, migrates, then starts the app with settings it reads", () => {
    const { postgres, migrate, app } = compose.services;
    expect(postgres!.image).toMatch(/^postgres:16/);
    expect(migrate!.build!.target).toBe("migrate");
    expect(app!.build!.target).toBe("app");
    expect(migrate!.depends_on!.postgres!.condition).toBe("service_healthy");
    expect(app!.depends_on!.migrate!.condition).toBe("service_completed_successfully");
    for (const service of [migrate!, app!])
      for (const key of Object.keys(service.environment!)) expect(ENV_NAMES).toContain(key);
  });
});
