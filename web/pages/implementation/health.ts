import type { DriverHealth, ImplementationStage } from '../../../common/implementation.ts';

/** Driver health colours: always shown with the health in words beside them, never alone. */
export const HEALTH_COLOR: Record<DriverHealth, string> = {
  not_started: 'gray.7',
  planned: 'yellow.9',
  in_place: 'blue.7',
  producing_data: 'teal.8',
};

export const STAGE_COLOR: Record<ImplementationStage, string> = {
  exploration: 'gray.7',
  installation: 'yellow.9',
  initial_implementation: 'blue.7',
  full_implementation: 'teal.8',
};
