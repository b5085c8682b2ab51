"use client";

import { Rocket } from "lucide-react";

import { Button } from "../ui/button";
import { lazyIsland } from "../ui/lazy-island";
import { LazyBodyModal } from "../ui/modal";

import type { RolloutFormProps } from "./rollout-form";

const formBody = lazyIsland(() => import("./rollout-form").then((module) => module.RolloutForm));

/**
 * Plans the rollout of PROD: the strategy, its steps (days on or after the go-live; working days
 * outside freezes, checked by the server with the nearest possible days) and, for a dark launch,
 * the feature flags.
 */
export function RolloutDialog(props: RolloutFormProps) {
  return (
    <LazyBodyModal
      title="Plan the rollout"
      description={`How production reaches its users from the go-live (${props.goLive}) on.`}
      trigger={
        <Button variant="secondary" size="sm">
          <Rocket aria-hidden />
          Plan rollout
        </Button>
      }
      body={formBody}
      bodyProps={props}
    />
  );
}
