-- The dashboard reads one row per chart: how many of its 64 cells are filled and how far the
-- sub-goals have come. Prisma does not manage views; this one is maintained here by hand.

-- CreateView
CREATE VIEW "chart_progress" AS
SELECT
    c."id" AS "chart_id",
    c."user_id",
    c."title",
    c."status",
    COUNT(DISTINCT s."id") AS "sub_goal_count",
    COUNT(a."id") AS "action_count",
    COALESCE(ROUND(AVG(s."progress")), 0)::INTEGER AS "average_progress"
FROM "mandala_charts" c
LEFT JOIN "sub_goals" s ON s."chart_id" = c."id"
LEFT JOIN "actions" a ON a."sub_goal_id" = s."id"
GROUP BY c."id", c."user_id", c."title", c."status";
