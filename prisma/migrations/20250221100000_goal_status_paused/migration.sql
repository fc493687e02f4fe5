-- AlterEnum
ALTER TYPE "GoalStatus" ADD VALUE 'PAUSED';

