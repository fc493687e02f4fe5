import * as core from '@actions/core';

core.setFailed('The restore action is not implemented yet in this version of prisma-migrate-actions.');
