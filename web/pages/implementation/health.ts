import type { DriverHealth, ImplementationStage } from '../../../common/implementation.ts';

/**
 * Badge colours (Mantine's default shades in the light variant meet contrast on white and striped
 * rows); always shown with the words beside them, never alone.
 */
export const HEALTH_COLOR: Record<DriverHealth, string> = {
  not_started: 'gray',
  planned: 'yellow',
  in_place: 'blue',
  producing_data: 'green',
};

export const STAGE_COLOR: Record<ImplementationStage, string> = {
  exploration: 'gray',
  installation: 'yellow',
  initial_implementation: 'blue',
  full_implementation: 'green',
};
