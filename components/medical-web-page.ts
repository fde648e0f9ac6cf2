/** schema.org MedicalWebPage wrapper with the record's review date. */
export function medicalWebPage(about: object, reviewed: string, path: string) {
  return {
    "@context": "https://schema.org",
    "@type": "MedicalWebPage",
    url: path,
    lastReviewed: reviewed,
    audience: { "@type": "MedicalAudience", audienceType: "Patient" },
    about,
  };
}
