-- A mandala has exactly 8 sub-goals around the central goal and 8 actions around each
-- sub-goal. Prisma cannot express CHECK constraints, so this migration was written by hand.

-- AddCheckConstraint
ALTER TABLE "sub_goals" ADD CONSTRAINT "sub_goals_position_check" CHECK ("position" BETWEEN 1 AND 8);

-- AddCheckConstraint
ALTER TABLE "sub_goals" ADD CONSTRAINT "sub_goals_progress_check" CHECK ("progress" >= 0 AND "progress" <= 100);

-- AddCheckConstraint
ALTER TABLE "actions" ADD CONSTRAINT "actions_position_check" CHECK ("position" BETWEEN 1 AND 8);
