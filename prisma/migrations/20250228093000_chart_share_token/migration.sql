-- Charts can be shared by link. The token is random; existing charts get one now.

-- CreateExtension (hand-edited: gen_random_bytes comes from pgcrypto)
CREATE EXTENSION IF NOT EXISTS "pgcrypto";

-- AlterTable
ALTER TABLE "mandala_charts" ADD COLUMN     "share_token" TEXT;

-- Backfill (hand-edited)
UPDATE "mandala_charts" SET "share_token" = encode(gen_random_bytes(16), 'hex') WHERE "share_token" IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "mandala_charts_share_token_key" ON "mandala_charts"("share_token");
