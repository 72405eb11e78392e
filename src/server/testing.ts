/** Test helpers for the HTTP API: accounts and signed-in request headers. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { SYSTEM } from '../app/policies/principal.ts';
import { createUser } from '../app/users/createUser.ts';
import type { CreateUserInput } from '../app/users/input.ts';

export const TEST_PASSWORD = 'Test-pass-2024';

/** Creates a ready-to-use account (password TEST_PASSWORD) and returns its id. */
export async function makeUser(ctx: AppContext, input: CreateUserInput): Promise<string> {
  return (await createUser(ctx, { actor: SYSTEM, input, password: TEST_PASSWORD })).user.id;
}

/** Request headers of a signed-in browser: session cookie, CSRF cookie and header. */
export type Session = Record<string, string> & {
  cookie: string;
  'x-csrf-token': string;
};

export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, 'x-csrf-token': res.json().csrfToken };
}

/** A multipart/form-data body with one file in field `file`, and its content type. */
export function multipartFile(filename: string, data: Buffer | string, contentType: string): { payload: Buffer; contentType: string } {
  const boundary = '----duban' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(data), Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}
