import type { Scale } from '../../common/schemas/scales.ts';
import type { scaleLevels, scales } from '../db/schema/index.ts';
import type { Actor } from '../lib/actor.ts';
import { catalogAbilities } from '../policies/frameworks.ts';

export type ScaleRow = typeof scales.$inferSelect;
export type ScaleLevelRow = typeof scaleLevels.$inferSelect;

export function presentScale(actor: Actor, scale: ScaleRow, levels: ScaleLevelRow[], inUse: boolean): Scale {
  return {
    id: scale.id,
    name: scale.name,
    description: scale.description,
    isDefault: scale.isDefault,
    active: scale.active,
    version: scale.version,
    inUse,
    levels: levels
      .filter((l) => l.scaleId === scale.id)
      .sort((a, b) => a.position - b.position)
      .map((l) => ({
        id: l.id,
        position: l.position,
        label: l.label,
        levelScore: l.levelScore,
        description: l.description,
        proficient: l.proficient,
      })),
    abilities: catalogAbilities(actor),
  };
}
