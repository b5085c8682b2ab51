import { describe, expect, it } from "vitest";

import {
  DEFAULT_SIGNAL_MATCHING,
  endOfAlert,
  outcomeSuggestion,
  type ProductMatching,
  readAlert,
  releasesObservedOn,
} from "./signals";

const payments: ProductMatching = {
  id: "p1",
  key: "payments-api",
  matching: DEFAULT_SIGNAL_MATCHING,
};
const ledger: ProductMatching = {
  id: "p2",
  key: "ledger",
  matching: {
    productLabels: ["team_service"],
    environmentLabels: ["cluster"],
    environmentValues: { "eu-prod-1": "PROD" },
    severities: ["page"],
  },
};
const products = [payments, ledger];

describe("readAlert: label matching", () => {
  it("names the product by the product, service or app label, case-insensitively", () => {
    for (const label of ["product", "service", "app"]) {
      const reading = readAlert(
        { [label]: "Payments-API", env: "prod", severity: "critical" },
        products,
      );
      expect(reading).toMatchObject({
        product: payments,
        environment: "PROD",
        severity: "critical",
        reason: null,
      });
    }
  });

  it("uses a product's own labels, values and severities, and not the defaults", () => {
    expect(
      readAlert({ team_service: "ledger", cluster: "eu-prod-1", severity: "page" }, products),
    ).toMatchObject({ product: ledger, environment: "PROD", reason: null });
    // The default labels do not name the ledger, whose matching says otherwise.
    expect(
      readAlert({ product: "ledger", env: "prod", severity: "critical" }, products).reason,
    ).toBe("UNKNOWN_PRODUCT");
    expect(
      readAlert({ team_service: "ledger", cluster: "eu-prod-1", severity: "critical" }, products)
        .reason,
    ).toBe("SEVERITY_NOT_COUNTED");
  });

  it("maps environment values, takes a stage key as itself, and says what is missing", () => {
    expect(
      readAlert({ app: "payments-api", environment: "Production", severity: "warning" }, products)
        .environment,
    ).toBe("PROD");
    expect(
      readAlert({ app: "payments-api", env: "LAST", severity: "warning" }, products),
    ).toMatchObject({
      environment: "LAST",
      reason: "NOT_PRODUCTION",
    });
    expect(
      readAlert({ app: "payments-api", env: "moon", severity: "warning" }, products).reason,
    ).toBe("UNKNOWN_ENVIRONMENT");
    expect(readAlert({ app: "payments-api", env: "prod" }, products)).toMatchObject({
      severity: "none",
      reason: "SEVERITY_NOT_COUNTED",
    });
    expect(readAlert({ alertname: "HighLatency", whatever: "x" }, products).reason).toBe(
      "UNKNOWN_PRODUCT",
    );
  });

  it("takes what a generic signal states over labels", () => {
    expect(
      readAlert({}, products, { product: "ledger", environment: "PROD", severity: "page" }),
    ).toMatchObject({ product: ledger, environment: "PROD", reason: null });
  });
});

describe("releasesObservedOn: the window rule", () => {
  const release = {
    id: "r1",
    liveOn: "2027-03-01",
    observationEnd: "2027-03-08",
    rolloutEnd: null,
  };
  const rolledOut = {
    id: "r2",
    liveOn: "2027-03-01",
    observationEnd: "2027-03-08",
    rolloutEnd: "2027-03-15",
  };

  it("an alert before go-live or after the observation belongs to no release", () => {
    expect(releasesObservedOn("2027-02-28", [release])).toEqual([]);
    expect(releasesObservedOn("2027-03-09", [release])).toEqual([]);
  });

  it("an alert on the go-live day, within and on the last day of observation belongs to it", () => {
    for (const day of ["2027-03-01", "2027-03-04", "2027-03-08"])
      expect(releasesObservedOn(day, [release])).toEqual(["r1"]);
  });

  it("a rollout running past the observation keeps the release listening", () => {
    expect(releasesObservedOn("2027-03-12", [release, rolledOut])).toEqual(["r2"]);
    expect(releasesObservedOn("2027-03-16", [release, rolledOut])).toEqual([]);
  });

  it("two releases observed at once both get it", () => {
    expect(releasesObservedOn("2027-03-05", [release, rolledOut])).toEqual(["r1", "r2"]);
  });
});

describe("outcomeSuggestion", () => {
  it("suggests, in words, from what fired", () => {
    expect(outcomeSuggestion({ critical: 2, warning: 1, firing: 1 })).toEqual({
      suggests: "ROLL_BACK_OR_FORWARD",
      text: "2 critical alerts fired during observation (1 still firing).",
    });
    expect(outcomeSuggestion({ critical: 0, warning: 1, firing: 0 }).suggests).toBe("LOOK_CLOSER");
    expect(outcomeSuggestion({ critical: 0, warning: 0, firing: 0 })).toEqual({
      suggests: "KEEP",
      text: "No alert fired during observation.",
    });
  });
});

describe("endOfAlert", () => {
  const now = new Date("2027-03-03T10:00:00Z");
  it("a firing alert has not ended, whatever endsAt says", () => {
    expect(endOfAlert("firing", "0001-01-01T00:00:00Z", now)).toBeNull();
    expect(endOfAlert("firing", "2027-03-03T10:05:00Z", now)).toBeNull();
  });
  it("a resolved one ended at endsAt, or now", () => {
    expect(endOfAlert("resolved", "2027-03-03T09:55:00Z", now)?.toISOString()).toBe(
      "2027-03-03T09:55:00.000Z",
    );
    expect(endOfAlert("resolved", "0001-01-01T00:00:00Z", now)).toEqual(now);
  });
});
