import type { StageDto } from "@/lib/types/release";

/** The release and stage the sign-off controls act on; its approvals still missing say whether
 * an approval closes the stage. */
export type SignOffSubject = {
  release: { id: string; name: string };
  stage: Pick<StageDto, "key" | "name" | "approvalsMissing">;
};

/** Just the fields the controls need, so that a server page sends no more to the browser. */
export function signOffSubject(
  release: SignOffSubject["release"],
  stage: SignOffSubject["stage"],
): SignOffSubject {
  return {
    release: { id: release.id, name: release.name },
    stage: { key: stage.key, name: stage.name, approvalsMissing: stage.approvalsMissing },
  };
}
