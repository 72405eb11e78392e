import { z } from 'zod';
import { RegionCode, Role, Uuid } from '../../domain/types.ts';

/** A new account as an office enters it. */
export const CreateUserInput = z.object({
  username: z.string().trim().min(2).max(64).regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits . _ @ - / 字母数字').describe('登录名'),
  displayName: z.string().trim().min(1).max(50).describe('姓名'),
  role: Role.exclude(['public']).describe('admin 督查室 / reporter 填报员 / leader 领导'),
  /** defaults to the office's own region */
  regionCode: RegionCode.optional(),
  /** required for reporters: the department they report for */
  departmentId: Uuid.nullable().default(null).describe('填报单位'),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;
