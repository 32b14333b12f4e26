/** Where the connect and disconnect texts send the user: privacy statements, and where to remove what each side keeps. */
export const MY_APPS_URL = 'https://myapps.microsoft.com';
export const LINKEDIN_PERMISSIONS_URL = 'https://www.linkedin.com/mypreferences/d/microsoft-account-connections';
export const LINKEDIN_CONTACTS_URL = 'https://www.linkedin.com/mynetwork/import-contacts/saved-contacts/';
export const LINKEDIN_PRIVACY_URL = 'https://www.linkedin.com/legal/privacy-policy';
export const MICROSOFT_PRIVACY_URL = 'https://privacy.microsoft.com/privacystatement';
