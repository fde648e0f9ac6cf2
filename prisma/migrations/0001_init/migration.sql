-- The store's schema, in the form Prisma Migrate writes for SQLite. The content build
-- applies every prisma/migrations/*/migration.sql in order to a fresh file.
-- tests/unit/schema-sql.test.ts proves it matches prisma/schema.prisma.

CREATE TABLE "Source" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL
);
CREATE UNIQUE INDEX "Source_url_key" ON "Source"("url");

CREATE TABLE "Country" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL
);

CREATE TABLE "City" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "countrySlug" TEXT NOT NULL,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "geonameId" INTEGER,
    "sourceId" INTEGER NOT NULL,
    CONSTRAINT "City_countrySlug_fkey" FOREIGN KEY ("countrySlug") REFERENCES "Country" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "City_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "City_countrySlug_idx" ON "City"("countrySlug");

CREATE TABLE "Hospital" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "kind" TEXT,
    "citySlug" TEXT NOT NULL,
    "region" TEXT,
    "summary" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "latitude" REAL,
    "longitude" REAL,
    "reviewed" TEXT NOT NULL,
    "nextReview" TEXT NOT NULL,
    "reviewedBy" TEXT,
    "searchText" TEXT NOT NULL,
    CONSTRAINT "Hospital_citySlug_fkey" FOREIGN KEY ("citySlug") REFERENCES "City" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "Hospital_citySlug_idx" ON "Hospital"("citySlug");
CREATE INDEX "Hospital_name_idx" ON "Hospital"("name");

CREATE TABLE "HospitalField" (
    "hospitalSlug" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "label" TEXT,
    "unverified" BOOLEAN NOT NULL,
    "sourceId" INTEGER NOT NULL,

    PRIMARY KEY ("hospitalSlug", "key"),
    CONSTRAINT "HospitalField_hospitalSlug_fkey" FOREIGN KEY ("hospitalSlug") REFERENCES "Hospital" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HospitalField_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE "Service" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "position" INTEGER NOT NULL
);

CREATE TABLE "SarcomaType" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "otherNames" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "parentSlug" TEXT,
    "summary" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "pathwaySlug" TEXT,
    "position" INTEGER NOT NULL,
    "reviewed" TEXT NOT NULL,
    "nextReview" TEXT NOT NULL,
    "reviewedBy" TEXT,
    CONSTRAINT "SarcomaType_parentSlug_fkey" FOREIGN KEY ("parentSlug") REFERENCES "SarcomaType" ("slug") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SarcomaType_pathwaySlug_fkey" FOREIGN KEY ("pathwaySlug") REFERENCES "Pathway" ("slug") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "SarcomaType_group_idx" ON "SarcomaType"("group");

CREATE TABLE "TreatmentOption" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "reviewed" TEXT NOT NULL,
    "nextReview" TEXT NOT NULL,
    "reviewedBy" TEXT
);
CREATE INDEX "TreatmentOption_kind_idx" ON "TreatmentOption"("kind");

CREATE TABLE "Pathway" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "reviewed" TEXT NOT NULL,
    "nextReview" TEXT NOT NULL,
    "reviewedBy" TEXT
);

CREATE TABLE "PathwayStep" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "pathwaySlug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "questions" TEXT NOT NULL,
    CONSTRAINT "PathwayStep_pathwaySlug_fkey" FOREIGN KEY ("pathwaySlug") REFERENCES "Pathway" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "PathwayStep_pathwaySlug_slug_key" ON "PathwayStep"("pathwaySlug", "slug");
CREATE INDEX "PathwayStep_pathwaySlug_position_idx" ON "PathwayStep"("pathwaySlug", "position");

CREATE TABLE "PathwayStepTreatment" (
    "stepId" INTEGER NOT NULL,
    "treatmentSlug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("stepId", "treatmentSlug"),
    CONSTRAINT "PathwayStepTreatment_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "PathwayStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PathwayStepTreatment_treatmentSlug_fkey" FOREIGN KEY ("treatmentSlug") REFERENCES "TreatmentOption" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "PathwayStepTreatment_treatmentSlug_idx" ON "PathwayStepTreatment"("treatmentSlug");

CREATE TABLE "HospitalSarcoma" (
    "hospitalSlug" TEXT NOT NULL,
    "sarcomaSlug" TEXT NOT NULL,
    "note" TEXT,
    "sourceId" INTEGER NOT NULL,

    PRIMARY KEY ("hospitalSlug", "sarcomaSlug"),
    CONSTRAINT "HospitalSarcoma_hospitalSlug_fkey" FOREIGN KEY ("hospitalSlug") REFERENCES "Hospital" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HospitalSarcoma_sarcomaSlug_fkey" FOREIGN KEY ("sarcomaSlug") REFERENCES "SarcomaType" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HospitalSarcoma_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "HospitalSarcoma_sarcomaSlug_idx" ON "HospitalSarcoma"("sarcomaSlug");

CREATE TABLE "HospitalService" (
    "hospitalSlug" TEXT NOT NULL,
    "serviceSlug" TEXT NOT NULL,
    "available" BOOLEAN NOT NULL,
    "note" TEXT,
    "sourceId" INTEGER NOT NULL,

    PRIMARY KEY ("hospitalSlug", "serviceSlug"),
    CONSTRAINT "HospitalService_hospitalSlug_fkey" FOREIGN KEY ("hospitalSlug") REFERENCES "Hospital" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HospitalService_serviceSlug_fkey" FOREIGN KEY ("serviceSlug") REFERENCES "Service" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HospitalService_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "HospitalService_serviceSlug_idx" ON "HospitalService"("serviceSlug");

CREATE TABLE "HospitalTreatment" (
    "hospitalSlug" TEXT NOT NULL,
    "treatmentSlug" TEXT NOT NULL,
    "note" TEXT,
    "sourceId" INTEGER NOT NULL,

    PRIMARY KEY ("hospitalSlug", "treatmentSlug"),
    CONSTRAINT "HospitalTreatment_hospitalSlug_fkey" FOREIGN KEY ("hospitalSlug") REFERENCES "Hospital" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HospitalTreatment_treatmentSlug_fkey" FOREIGN KEY ("treatmentSlug") REFERENCES "TreatmentOption" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HospitalTreatment_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "HospitalTreatment_treatmentSlug_idx" ON "HospitalTreatment"("treatmentSlug");

CREATE TABLE "SarcomaTreatment" (
    "sarcomaSlug" TEXT NOT NULL,
    "treatmentSlug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("sarcomaSlug", "treatmentSlug"),
    CONSTRAINT "SarcomaTreatment_sarcomaSlug_fkey" FOREIGN KEY ("sarcomaSlug") REFERENCES "SarcomaType" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SarcomaTreatment_treatmentSlug_fkey" FOREIGN KEY ("treatmentSlug") REFERENCES "TreatmentOption" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "SarcomaTreatment_treatmentSlug_idx" ON "SarcomaTreatment"("treatmentSlug");

CREATE TABLE "Fact" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "date" TEXT,
    "sourceId" INTEGER NOT NULL,
    "hospitalSlug" TEXT,
    "sarcomaSlug" TEXT,
    "treatmentSlug" TEXT,
    "pathwaySlug" TEXT,
    "stepId" INTEGER,
    CONSTRAINT "Fact_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Fact_hospitalSlug_fkey" FOREIGN KEY ("hospitalSlug") REFERENCES "Hospital" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Fact_sarcomaSlug_fkey" FOREIGN KEY ("sarcomaSlug") REFERENCES "SarcomaType" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Fact_treatmentSlug_fkey" FOREIGN KEY ("treatmentSlug") REFERENCES "TreatmentOption" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Fact_pathwaySlug_fkey" FOREIGN KEY ("pathwaySlug") REFERENCES "Pathway" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Fact_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "PathwayStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "Fact_hospitalSlug_idx" ON "Fact"("hospitalSlug");
CREATE INDEX "Fact_sarcomaSlug_idx" ON "Fact"("sarcomaSlug");
CREATE INDEX "Fact_treatmentSlug_idx" ON "Fact"("treatmentSlug");
CREATE INDEX "Fact_pathwaySlug_idx" ON "Fact"("pathwaySlug");
CREATE INDEX "Fact_stepId_idx" ON "Fact"("stepId");

CREATE TABLE "Passage" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "unverified" BOOLEAN NOT NULL,
    "sarcomaSlug" TEXT,
    "treatmentSlug" TEXT,
    "stepId" INTEGER,
    "networkSlug" TEXT,
    CONSTRAINT "Passage_sarcomaSlug_fkey" FOREIGN KEY ("sarcomaSlug") REFERENCES "SarcomaType" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Passage_treatmentSlug_fkey" FOREIGN KEY ("treatmentSlug") REFERENCES "TreatmentOption" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Passage_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "PathwayStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Passage_networkSlug_fkey" FOREIGN KEY ("networkSlug") REFERENCES "Network" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "Passage_sarcomaSlug_idx" ON "Passage"("sarcomaSlug");
CREATE INDEX "Passage_treatmentSlug_idx" ON "Passage"("treatmentSlug");
CREATE INDEX "Passage_stepId_idx" ON "Passage"("stepId");
CREATE INDEX "Passage_networkSlug_idx" ON "Passage"("networkSlug");

CREATE TABLE "PassageSource" (
    "passageId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("passageId", "sourceId"),
    CONSTRAINT "PassageSource_passageId_fkey" FOREIGN KEY ("passageId") REFERENCES "Passage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PassageSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "PassageSource_sourceId_idx" ON "PassageSource"("sourceId");

CREATE TABLE "GlossaryTerm" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "term" TEXT NOT NULL,
    "aliases" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "reviewed" TEXT NOT NULL,
    "nextReview" TEXT NOT NULL,
    CONSTRAINT "GlossaryTerm_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE "Network" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "countrySlug" TEXT,
    "summary" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "scope" TEXT,
    "scopeText" TEXT,
    "scopeSourceId" INTEGER,
    "listSourceId" INTEGER NOT NULL,
    "listDate" TEXT NOT NULL,
    "listDateKind" TEXT NOT NULL,
    "website" TEXT,
    "position" INTEGER NOT NULL,
    "reviewed" TEXT NOT NULL,
    "nextReview" TEXT NOT NULL,
    "reviewedBy" TEXT,
    CONSTRAINT "Network_countrySlug_fkey" FOREIGN KEY ("countrySlug") REFERENCES "Country" ("slug") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Network_listSourceId_fkey" FOREIGN KEY ("listSourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Network_scopeSourceId_fkey" FOREIGN KEY ("scopeSourceId") REFERENCES "Source" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "HospitalNetwork" (
    "hospitalSlug" TEXT NOT NULL,
    "networkSlug" TEXT NOT NULL,
    "note" TEXT,
    "sourceId" INTEGER NOT NULL,

    PRIMARY KEY ("hospitalSlug", "networkSlug"),
    CONSTRAINT "HospitalNetwork_hospitalSlug_fkey" FOREIGN KEY ("hospitalSlug") REFERENCES "Hospital" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HospitalNetwork_networkSlug_fkey" FOREIGN KEY ("networkSlug") REFERENCES "Network" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HospitalNetwork_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "HospitalNetwork_networkSlug_idx" ON "HospitalNetwork"("networkSlug");

CREATE TABLE "NetworkSarcoma" (
    "networkSlug" TEXT NOT NULL,
    "sarcomaSlug" TEXT NOT NULL,

    PRIMARY KEY ("networkSlug", "sarcomaSlug"),
    CONSTRAINT "NetworkSarcoma_networkSlug_fkey" FOREIGN KEY ("networkSlug") REFERENCES "Network" ("slug") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NetworkSarcoma_sarcomaSlug_fkey" FOREIGN KEY ("sarcomaSlug") REFERENCES "SarcomaType" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "NetworkSarcoma_sarcomaSlug_idx" ON "NetworkSarcoma"("sarcomaSlug");
