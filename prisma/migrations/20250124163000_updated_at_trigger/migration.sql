-- Prisma's @updatedAt is set by Prisma Client only. Scripts and SQL consoles write to these
-- tables too, so the database keeps "updated_at" current itself.

-- CreateFunction
CREATE OR REPLACE FUNCTION "set_updated_at"() RETURNS TRIGGER AS $$
BEGIN
    NEW."updated_at" = CURRENT_TIMESTAMP;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- CreateTrigger
CREATE TRIGGER "users_set_updated_at" BEFORE UPDATE ON "users"
    FOR EACH ROW EXECUTE FUNCTION "set_updated_at"();

-- CreateTrigger
CREATE TRIGGER "mandala_charts_set_updated_at" BEFORE UPDATE ON "mandala_charts"
    FOR EACH ROW EXECUTE FUNCTION "set_updated_at"();

-- CreateTrigger
CREATE TRIGGER "sub_goals_set_updated_at" BEFORE UPDATE ON "sub_goals"
    FOR EACH ROW EXECUTE FUNCTION "set_updated_at"();

-- CreateTrigger
CREATE TRIGGER "actions_set_updated_at" BEFORE UPDATE ON "actions"
    FOR EACH ROW EXECUTE FUNCTION "set_updated_at"();

-- CreateTrigger
CREATE TRIGGER "tasks_set_updated_at" BEFORE UPDATE ON "tasks"
    FOR EACH ROW EXECUTE FUNCTION "set_updated_at"();
