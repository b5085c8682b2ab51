// npm run bench — every benchmark of the project, one after the other.
import { runPlannerBenchmark } from "./planner";

runPlannerBenchmark();
