// `npm run schema`: writes src/data/provider.schema.json, the JSON Schema that provider files name
// in `$schema`, from the code that serves /api/v1/schema.json. A unit test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { PROVIDER_SCHEMA_FILE, providerSchemaText } from '../src/lib/api.ts';

writeFileSync(PROVIDER_SCHEMA_FILE, providerSchemaText());
console.log(`wrote ${PROVIDER_SCHEMA_FILE}`);
