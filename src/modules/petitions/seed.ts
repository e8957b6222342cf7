import type { SeedContext } from '../../server/module.ts';
export async function seedPetitions(_ctx: SeedContext): Promise<void> {}
