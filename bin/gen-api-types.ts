// Writes web/src/api.gen.ts from the OpenAPI document the server serves (npm run gen:api).
import { writeFileSync } from 'node:fs';
import { openDb } from '../src/store/db.ts';
import { API_TYPES_FILE, generateApiTypes } from '../src/server/apiTypes.ts';

const db = await openDb({ dataDir: 'memory://', databaseUrl: '' });
try {
  writeFileSync(API_TYPES_FILE, await generateApiTypes(db));
  console.log(`wrote ${API_TYPES_FILE.pathname}`);
} finally {
  await db.close();
}
