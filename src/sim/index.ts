/** The engine's public face (DESIGN.md): what the UI, the CLI, the tests and the lessons use. */
export {
  createCluster,
  type ApplyResult,
  type Cluster,
  type ClusterOptions,
  type ControllerView,
  type NodeHealth,
} from './cluster';
export { checkGoal, checkGoals, type Goal, type GoalResult } from './scenario/goals';
export type { KubectlFollow, KubectlOptions, KubectlResult } from './kubectl';
