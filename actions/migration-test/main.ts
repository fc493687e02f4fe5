import * as core from '@actions/core';

core.setFailed('The migration-test action is not implemented yet in this version of prisma-migrate-actions.');
