-- Places and ZIP codes for "near" any town (see the Place, PlaceName and ZipCode models).
CREATE TABLE "Place" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT,
    "regionCode" TEXT,
    "countryCode" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "population" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "Place_slug_key" ON "Place"("slug");

CREATE TABLE "PlaceName" (
    "key" TEXT NOT NULL,
    "placeId" INTEGER NOT NULL,

    PRIMARY KEY ("key", "placeId"),
    CONSTRAINT "PlaceName_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "PlaceName_placeId_idx" ON "PlaceName"("placeId");

CREATE TABLE "ZipCode" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "region" TEXT,
    "countryCode" TEXT NOT NULL,
    "country" TEXT NOT NULL
);
