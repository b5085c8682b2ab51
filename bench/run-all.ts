// npm run bench — every benchmark of the project, one after the other.
import { runPlannerBenchmark } from "./planner";
import { runTimelinePageBenchmark } from "./timeline-page";

runPlannerBenchmark();
runTimelinePageBenchmark().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
