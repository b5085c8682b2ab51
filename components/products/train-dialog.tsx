"use client";

import { Pencil, TrainFront } from "lucide-react";

import { Button } from "../ui/button";
import { lazyIsland } from "../ui/lazy-island";
import { LazyBodyModal } from "../ui/modal";

import type { TrainFormProps } from "./train-form";

const formBody = lazyIsland(() => import("./train-form").then((module) => module.TrainForm));

/**
 * Sets up or changes a product's release train: a cadence (a preset or an RFC 5545 rule), the
 * first go-live, how the releases are named and versioned, and their holiday region.
 */
export function TrainDialog(props: TrainFormProps) {
  const { train, productName } = props;
  return (
    <LazyBodyModal
      title={
        train ? `Release train of ${productName}` : `Set up a release train for ${productName}`
      }
      description="Go-lives on a cadence, named by a pattern. Release managers plan the next releases from it; each lands on its train date when every environment has room, otherwise on the earliest free date after it."
      trigger={
        train ? (
          <Button variant="secondary" size="sm">
            <Pencil aria-hidden />
            Edit train
          </Button>
        ) : (
          <Button variant="secondary" size="sm">
            <TrainFront aria-hidden />
            Set up a train
          </Button>
        )
      }
      body={formBody}
      bodyProps={props}
    />
  );
}
