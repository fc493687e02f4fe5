-- CreateIndex (hand-edited: CONCURRENTLY, so the "today" view keeps writing while it builds).
-- CONCURRENTLY cannot run inside a transaction: keep it the only statement in this file.
CREATE INDEX CONCURRENTLY "tasks_user_id_due_date_idx" ON "tasks"("user_id", "due_date");
