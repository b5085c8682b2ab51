import { describe, expect, it } from "vitest";

import {
  conflictsOfCandidate,
  explainConflict,
  DEFAULT_ENVIRONMENT_CAPACITY,
  findEnvironmentConflicts,
  type Occupancy,
} from "./conflicts";

function occupy(
  releaseId: string,
  environment: Occupancy["environment"],
  start: string,
  end: string,
): Occupancy {
  return { releaseId, releaseName: `Release ${releaseId}`, environment, start, end };
}

describe("findEnvironmentConflicts", () => {
  it("finds overlapping days in an exclusive environment, with the releases involved", () => {
    const conflicts = findEnvironmentConflicts([
      occupy("a", "LAST", "2027-03-01", "2027-03-05"),
      occupy("b", "LAST", "2027-03-04", "2027-03-10"),
    ]);
    expect(conflicts).toEqual([
      {
        environment: "LAST",
        start: "2027-03-04",
        end: "2027-03-05",
        capacity: 1,
        releases: [
          { id: "a", name: "Release a" },
          { id: "b", name: "Release b" },
        ],
      },
    ]);
  });

  it("ignores shared environments and releases that only touch", () => {
    expect(
      findEnvironmentConflicts([
        occupy("a", "TEST", "2027-03-01", "2027-03-05"),
        occupy("b", "TEST", "2027-03-01", "2027-03-05"),
        occupy("a", "INT", "2027-03-01", "2027-03-05"),
        occupy("b", "INT", "2027-03-06", "2027-03-10"),
      ]),
    ).toEqual([]);
  });

  it("respects a configured capacity and splits where the set of releases changes", () => {
    const capacity = { ...DEFAULT_ENVIRONMENT_CAPACITY, PREPROD: 2 };
    const conflicts = findEnvironmentConflicts(
      [
        occupy("a", "PREPROD", "2027-03-01", "2027-03-10"),
        occupy("b", "PREPROD", "2027-03-01", "2027-03-10"),
        occupy("c", "PREPROD", "2027-03-03", "2027-03-04"),
        occupy("d", "PREPROD", "2027-03-05", "2027-03-06"),
      ],
      capacity,
    );
    expect(conflicts.map((c) => [c.start, c.end, c.releases.map((r) => r.id).join("")])).toEqual([
      ["2027-03-03", "2027-03-04", "abc"],
      ["2027-03-05", "2027-03-06", "abd"],
    ]);
  });

  it("reports only the candidate's conflicts when checking a new plan", () => {
    const others = [
      occupy("a", "INT", "2027-03-01", "2027-03-05"),
      occupy("b", "INT", "2027-03-01", "2027-03-05"),
    ];
    expect(
      conflictsOfCandidate([occupy("new", "LAST", "2027-03-01", "2027-03-05")], others),
    ).toEqual([]);
    expect(
      conflictsOfCandidate([occupy("new", "INT", "2027-03-05", "2027-03-08")], others),
    ).toHaveLength(1);
  });
});

describe("explainConflict", () => {
  it("names the first few of a crowd and counts the others", () => {
    const releases = Array.from({ length: 40 }, (_, i) => ({ id: `r${i}`, name: `R${i}` }));
    expect(
      explainConflict({
        environment: "DEV",
        start: "2027-03-08",
        end: "2027-03-08",
        capacity: 3,
        releases,
      }),
    ).toBe(
      "On Mon 8 Mar 2027, R0, R1, R2, R3 and 36 others are planned in DEV (Development), which takes 3 releases at a time.",
    );
  });

  it("names the days, the releases and the capacity", () => {
    expect(
      explainConflict({
        environment: "LAST",
        start: "2027-03-08",
        end: "2027-03-10",
        capacity: 1,
        releases: [
          { id: "a", name: "Billing 1.0" },
          { id: "b", name: "Search 2.0" },
        ],
      }),
    ).toBe(
      "From Mon 8 Mar 2027 to Wed 10 Mar 2027, both Billing 1.0 and Search 2.0 are planned in LAST (Load test), which takes one release at a time.",
    );
    expect(
      explainConflict({
        environment: "INT",
        start: "2027-03-08",
        end: "2027-03-08",
        capacity: 2,
        releases: [
          { id: "a", name: "A" },
          { id: "b", name: "B" },
          { id: "c", name: "C" },
        ],
      }),
    ).toBe(
      "On Mon 8 Mar 2027, A, B and C are planned in INT (Integration), which takes 2 releases at a time.",
    );
  });
});
