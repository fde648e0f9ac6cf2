export const SITE_NAME = "Childhood Sarcoma Directory";
