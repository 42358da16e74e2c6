// Tests hash passwords at the lowest cost the configuration allows, and never log.
process.env.KYNIEM_PASSWORD_COST ??= '10';
process.env.LOG_LEVEL ??= 'silent';
