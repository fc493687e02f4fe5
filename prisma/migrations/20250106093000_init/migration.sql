-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('DRAFT', 'ACTIVE', 'COMPLETED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ActionType" AS ENUM ('EXECUTION', 'HABIT');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "onboarded" BOOLEAN NOT NULL DEFAULT false,
    "preferences" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mandala_charts" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "central_goal" TEXT NOT NULL,
    "status" "GoalStatus" NOT NULL DEFAULT 'DRAFT',
    "start_date" DATE,
    "target_date" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mandala_charts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sub_goals" (
    "id" UUID NOT NULL,
    "chart_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sub_goals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actions" (
    "id" UUID NOT NULL,
    "sub_goal_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "action_type" "ActionType" NOT NULL DEFAULT 'EXECUTION',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "actions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "mandala_charts_user_id_idx" ON "mandala_charts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "sub_goals_chart_id_position_key" ON "sub_goals"("chart_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "actions_sub_goal_id_position_key" ON "actions"("sub_goal_id", "position");

-- AddForeignKey
ALTER TABLE "mandala_charts" ADD CONSTRAINT "mandala_charts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sub_goals" ADD CONSTRAINT "sub_goals_chart_id_fkey" FOREIGN KEY ("chart_id") REFERENCES "mandala_charts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_sub_goal_id_fkey" FOREIGN KEY ("sub_goal_id") REFERENCES "sub_goals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

