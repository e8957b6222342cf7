import { describe, expect, it } from 'vitest';
import { fold } from '../text/normalize.ts';
import { inForce, unitTypeFromLabel } from './labels.ts';

describe('unit types', () => {
  it('reads the official list wording, with or without accents', () => {
    expect(unitTypeFromLabel('Thị xã', fold)?.code).toBe('thi_xa');
    expect(unitTypeFromLabel('PHƯỜNG', fold)?.level).toBe('commune');
    expect(unitTypeFromLabel('Thanh pho truc thuoc trung uong', fold)?.level).toBe('province');
    expect(unitTypeFromLabel('Thành phố Trung ương', fold)?.code).toBe('thanh_pho_tw');
    expect(unitTypeFromLabel('Thành phố', fold)?.level).toBe('district');
    expect(unitTypeFromLabel('Đặc khu', fold)?.code).toBe('dac_khu');
    expect(unitTypeFromLabel('Làng', fold)).toBeUndefined();
  });
  it('knows when a unit is in force (the end date is exclusive: the reform day belongs to the new unit)', () => {
    const oldTown = { validFrom: '2020-02-01', validTo: '2025-07-01' };
    expect(inForce(oldTown, '2021-11-25')).toBe(true);
    expect(inForce(oldTown, '2025-06-30')).toBe(true);
    expect(inForce(oldTown, '2025-07-01')).toBe(false);
    expect(inForce({ validFrom: '2025-07-01', validTo: null }, '2025-07-01')).toBe(true);
  });
});
