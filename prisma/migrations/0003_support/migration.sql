-- Help for families (issue 16): support organisations by country, places to stay near a
-- centre, and the condition names ClinicalTrials.gov searches use.

ALTER TABLE "SarcomaType" ADD COLUMN "trialsCondition" TEXT;

-- A required column on an existing table: redefined, as prisma migrate does in SQLite.
CREATE TABLE "new_Pathway" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "trialsCondition" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "reviewed" TEXT NOT NULL,
    "nextReview" TEXT NOT NULL,
    "reviewedBy" TEXT
);
INSERT INTO "new_Pathway" ("slug", "title", "trialsCondition", "summary", "bodyHtml", "position", "reviewed", "nextReview", "reviewedBy")
    SELECT "slug", "title", '', "summary", "bodyHtml", "position", "reviewed", "nextReview", "reviewedBy" FROM "Pathway";
DROP TABLE "Pathway";
ALTER TABLE "new_Pathway" RENAME TO "Pathway";

CREATE TABLE "Accommodation" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "hospitalSlug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "unverified" BOOLEAN NOT NULL,
    "sourceId" INTEGER NOT NULL,
    CONSTRAINT "Accommodation_hospitalSlug_fkey" FOREIGN KEY ("hospitalSlug") REFERENCES "Hospital" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Accommodation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "Accommodation_hospitalSlug_idx" ON "Accommodation"("hospitalSlug");

CREATE TABLE "SupportOrg" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "countrySlug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "summarySourceId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "reviewed" TEXT NOT NULL,
    "nextReview" TEXT NOT NULL,
    "reviewedBy" TEXT,
    CONSTRAINT "SupportOrg_countrySlug_fkey" FOREIGN KEY ("countrySlug") REFERENCES "Country" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupportOrg_summarySourceId_fkey" FOREIGN KEY ("summarySourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "SupportOrg_countrySlug_idx" ON "SupportOrg"("countrySlug");

CREATE TABLE "SupportField" (
    "orgSlug" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "label" TEXT,
    "hours" TEXT,
    "unverified" BOOLEAN NOT NULL,
    "sourceId" INTEGER NOT NULL,

    PRIMARY KEY ("orgSlug", "key"),
    CONSTRAINT "SupportField_orgSlug_fkey" FOREIGN KEY ("orgSlug") REFERENCES "SupportOrg" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupportField_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE "SupportOffer" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "orgSlug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "what" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "unverified" BOOLEAN NOT NULL,
    "sourceId" INTEGER NOT NULL,
    CONSTRAINT "SupportOffer_orgSlug_fkey" FOREIGN KEY ("orgSlug") REFERENCES "SupportOrg" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupportOffer_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "SupportOffer_orgSlug_idx" ON "SupportOffer"("orgSlug");

CREATE TABLE "CentreQuestion" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "reviewed" TEXT NOT NULL,
    "nextReview" TEXT NOT NULL,
    CONSTRAINT "CentreQuestion_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
