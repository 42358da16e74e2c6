// Tests hash passwords at the lowest cost the configuration allows, and never log.
process.env.KYNIEM_PASSWORD_COST ??= '10';
process.env.LOG_LEVEL ??= 'silent';
// Every route checks its 2xx answers against its declared schemas (ADR 14): a schema that lies fails
// the test that calls the route. Set before any module is imported, so `apiRoute` installs the check.
process.env.KYNIEM_CHECK_RESPONSES ??= '1';
