-- CreateTable
CREATE TABLE "reflections" (
    "id" UUID NOT NULL,
    "chart_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "content" TEXT NOT NULL,
    "mood" SMALLINT,
    "tags" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reflections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "progress_history" (
    "id" BIGSERIAL NOT NULL,
    "chart_id" UUID NOT NULL,
    "sub_goal_id" UUID,
    "action_id" UUID,
    "progress" INTEGER NOT NULL,
    "note" TEXT,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "progress_history_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reflections_chart_id_period_start_key" ON "reflections"("chart_id", "period_start");

-- CreateIndex
CREATE INDEX "progress_history_chart_id_recorded_at_idx" ON "progress_history"("chart_id", "recorded_at");

-- AddForeignKey
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_chart_id_fkey" FOREIGN KEY ("chart_id") REFERENCES "mandala_charts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_history" ADD CONSTRAINT "progress_history_chart_id_fkey" FOREIGN KEY ("chart_id") REFERENCES "mandala_charts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_history" ADD CONSTRAINT "progress_history_sub_goal_id_fkey" FOREIGN KEY ("sub_goal_id") REFERENCES "sub_goals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_history" ADD CONSTRAINT "progress_history_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddCheckConstraint (hand-edited)
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_mood_check" CHECK ("mood" BETWEEN 1 AND 5);

-- AddCheckConstraint (hand-edited)
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_period_check" CHECK ("period_end" >= "period_start");

-- AddCheckConstraint (hand-edited)
ALTER TABLE "progress_history" ADD CONSTRAINT "progress_history_progress_check" CHECK ("progress" >= 0 AND "progress" <= 100);
