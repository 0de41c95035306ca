/**
 * Error codes are typed per domain: a mistyped code does not compile (`npm run typecheck` checks
 * every @ts-expect-error below is still an error). The runtime lines only keep the calls honest.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AppError, type IpcError } from '../../../common/ipc/app-error';
import type {
  AttendanceErrorCode,
  BoardErrorCode,
  ErrorCode,
  GenericErrorCode,
  SerialErrorCode,
  StaffErrorCode,
  SyncAppErrorCode,
} from '../../../common/ipc/error-codes';
import { attendanceError, staffError } from '../../../main/attendance/errors';
import { syncError } from '../../../main/sync/errors';

describe('error codes typed per domain', () => {
  it('accepts the codes of each domain and refuses a typo at compile time', () => {
    expect(new AppError('board.not-connected').code).toBe('board.not-connected');
    // @ts-expect-error a typo: 'board.not-conected' is no board error code
    expect(new AppError('board.not-conected').code).toBe('board.not-conected');
    // @ts-expect-error a code from no domain
    expect(new AppError('oops').code).toBe('oops');

    expect(attendanceError('person-not-found').code).toBe('attendance.person-not-found');
    // @ts-expect-error a typo in an attendance name
    expect(attendanceError('person-not-fund').code).toBe('attendance.person-not-fund');
    expect(staffError('pin-wrong').messageKey).toBe('staff.error.pin-wrong');
    // @ts-expect-error a staff name is not an attendance name
    expect(attendanceError('pin-wrong').code).toBe('attendance.pin-wrong');
    expect(syncError('not-enrolled').code).toBe('sync.not-enrolled');
    // @ts-expect-error a typo in a sync name
    expect(syncError('not-enroled').code).toBe('sync.not-enroled');
  });

  it('makes comparisons against a code that does not exist a compile error', () => {
    const error: IpcError = { code: 'board.no-reply', messageKey: 'error.board.no-reply' };
    // @ts-expect-error no such code: the comparison can never be true
    expect(error.code === 'board.no-replay').toBe(false);
  });

  it('merges every domain into one ErrorCode', () => {
    expectTypeOf<GenericErrorCode>().toExtend<ErrorCode>();
    expectTypeOf<BoardErrorCode>().toExtend<ErrorCode>();
    expectTypeOf<SerialErrorCode>().toExtend<ErrorCode>();
    expectTypeOf<StaffErrorCode>().toExtend<ErrorCode>();
    expectTypeOf<AttendanceErrorCode>().toExtend<ErrorCode>();
    expectTypeOf<SyncAppErrorCode>().toExtend<ErrorCode>();
    expectTypeOf<'staff.pin-wrong'>().toExtend<StaffErrorCode>();
    expectTypeOf<'board.oops'>().not.toExtend<ErrorCode>();
    expectTypeOf(new AppError('internal').code).toEqualTypeOf<ErrorCode>();
  });
});
